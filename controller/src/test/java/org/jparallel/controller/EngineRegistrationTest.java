package org.jparallel.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jparallel.engine.EngineConnection;
import org.jparallel.wire.HmacSigner;
import org.jparallel.wire.Message;
import org.jparallel.wire.MessageCodec;
import org.jparallel.wire.TaskLinkHello;
import org.jparallel.wire.link.LinkClient;
import org.jparallel.wire.link.PullLink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How an engine joins: its registration and its task link, each on its own connection, paired by a token. */
class EngineRegistrationTest {
    @TempDir
    static Path home;
    private static TestCluster cluster;
    private static EngineConnection engineFile;
    private static MessageCodec codec;

    @BeforeAll
    static void start() throws Exception {
        cluster = new TestCluster(home, 1);
        engineFile = EngineConnection.read(cluster.handle.clientFile().resolveSibling("engine.json"));
        codec = new MessageCodec(HmacSigner.create(engineFile.signatureScheme(), engineFile.key()));
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    /** A stand-in engine's link for what it sends; what the controller answers on it queues here. */
    private static final class StandIn implements AutoCloseable {
        final BlockingQueue<Message> received = new LinkedBlockingQueue<>();
        final LinkClient link;

        StandIn() throws Exception {
            link = LinkClient.connect(engineFile.addresses(), "stand-in", frames -> {
                try {
                    received.add(codec.decode(frames));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }

        void register(String token) {
            JsonObject content = new JsonObject();
            content.addProperty("pid", -1);
            content.addProperty("id_hint", -1);
            if (token != null) {
                content.addProperty(TaskLinkHello.REGISTRATION_FIELD, token);
            }
            link.send(codec.encode(Message.create("registration_request", "stand-in", content)));
        }

        Message next(String msgType) throws InterruptedException {
            for (Message m = received.poll(10, TimeUnit.SECONDS); m != null; m = received.poll(10, TimeUnit.SECONDS)) {
                if (m.msgType().equals(msgType)) {
                    return m;
                }
            }
            throw new AssertionError("no " + msgType + " within 10 s");
        }

        @Override
        public void close() {
            link.close();
        }
    }

    private static PullLink openTaskLink(String token) throws Exception {
        return PullLink.connect(engineFile.addresses(),
                codec.encode(Message.create(TaskLinkHello.MSG_TYPE, "stand-in", new TaskLinkHello(token).content())));
    }

    private static int engineCount() throws Exception {
        return cluster.client.controllerRequest("connection_request", new JsonObject()).content()
                .getAsJsonObject("engines").size();
    }

    @Test
    void anEngineCountsOnlyOnceItsTaskLinkHasCome() throws Exception {
        int before = engineCount();
        try (StandIn engine = new StandIn()) {
            engine.register("token-1");
            Thread.sleep(300);
            assertEquals(before, engineCount(), "registered without a task link");
            try (PullLink tasks = openTaskLink("token-1")) {
                Message reply = engine.next("registration_reply");
                assertEquals("ok", reply.content().get("status").getAsString());
                int id = reply.content().get("id").getAsInt();
                assertEquals(before + 1, engineCount());

                Message request = cluster.client.execute(id, "1 + 1");
                List<byte[]> frames = tasks.next(10_000);
                assertNotNull(frames, "the request did not come on the task link");
                assertEquals(request.header().msgId(), codec.decode(frames).header().msgId());
            }
        }
    }

    @Test
    void theTaskLinkMayComeBeforeTheRegistration() throws Exception {
        try (PullLink tasks = openTaskLink("token-2"); StandIn engine = new StandIn()) {
            Thread.sleep(200);
            engine.register("token-2");
            assertEquals("ok", engine.next("registration_reply").content().get("status").getAsString());
        }
    }

    @Test
    void anEngineWithoutATaskLinkIsRefusedWithTheReason() throws Exception {
        try (StandIn engine = new StandIn()) {
            engine.register(null);
            Message reply = engine.next("registration_reply");
            assertEquals("error", reply.content().get("status").getAsString());
            assertTrue(reply.content().get("evalue").getAsString().contains("task link"), reply.content().toString());
            assertFalse(reply.content().has("id"));
        }
    }
}

package org.jparallel.controller.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jparallel.controller.scheduler.DependencyScheduler;
import org.jparallel.controller.scheduler.Scheme;
import org.jparallel.wire.HmacSigner;
import org.jparallel.wire.MalformedMessageException;
import org.jparallel.wire.Message;
import org.jparallel.wire.MessageCodec;
import org.jparallel.wire.TaskLinkHello;
import org.junit.jupiter.api.Test;

/** A client whose connection closed is forgotten: the hub tells it nothing more, and keeps nothing of it. */
class GoneClientsTest {
    private final MessageCodec codec = new MessageCodec(HmacSigner.create("hmac-sha256", "key"));
    private final List<String> noticed = new ArrayList<>();
    private final Hub hub = new Hub(codec, new DependencyScheduler(Scheme.LEASTLOAD, 1, new Random()), new SilentLinks() {
        @Override
        public void toClient(List<byte[]> frames) {
            try {
                Message message = codec.decode(frames);
                if (message.msgType().equals("engine_registered")) {
                    noticed.add(new String(frames.get(0), StandardCharsets.UTF_8));
                }
            } catch (MalformedMessageException e) {
                throw new AssertionError(e);
            }
        }
    }, new NoClusterControl(), "test");

    @Test
    void aClientWhoseConnectionClosedHearsOfNoNewEngine() {
        connect("stays");
        connect("goes");
        hub.clientGone(bytes("goes"));

        register("engine-link", "task-link");

        assertEquals(List.of("stays"), noticed);
    }

    private void connect(String client) {
        hub.fromClient(codec.encode(Message.create("connection_request", "session-" + client, new JsonObject())
                .withIdentities(List.of(bytes(client)))));
    }

    private void register(String link, String taskLink) {
        JsonObject registration = new JsonObject();
        registration.addProperty("pid", ProcessHandle.current().pid());
        registration.addProperty("host", "here");
        registration.addProperty(TaskLinkHello.REGISTRATION_FIELD, "token");
        hub.fromEngine(codec.encode(Message.create("registration_request", "engine", registration)
                .withIdentities(List.of(bytes(link)))));
        hub.fromEngine(codec.encode(Message.create(TaskLinkHello.MSG_TYPE, "engine", new TaskLinkHello("token").content())
                .withIdentities(List.of(bytes(taskLink)))));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

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
import org.jparallel.wire.Message;
import org.jparallel.wire.MessageCodec;
import org.jparallel.wire.TaskLinkHello;
import org.junit.jupiter.api.Test;

/** The hub vouches for a peer to its link once a message of it is signed with the cluster's key, and not before. */
class VouchedPeersTest {
    private final MessageCodec codec = new MessageCodec(HmacSigner.create("hmac-sha256", "key"));
    private final MessageCodec stranger = new MessageCodec(HmacSigner.create("hmac-sha256", "not the key"));
    private final List<String> vouched = new ArrayList<>();
    private final Hub hub = new Hub(codec, new DependencyScheduler(Scheme.LEASTLOAD, 1, new Random()), new SilentLinks() {
        @Override
        public void vouchForClient(byte[] client) {
            vouched.add("client " + text(client));
        }

        @Override
        public void vouchForEngine(byte[] link) {
            vouched.add("engine " + text(link));
        }
    }, new NoClusterControl(), "test");

    @Test
    void aClientIsVouchedForAtItsFirstSignedMessageOnly() {
        hub.fromClient(stranger.encode(request("connection_request", "intruder")));
        hub.fromClient(codec.encode(request("connection_request", "client")));
        hub.fromClient(codec.encode(request("queue_request", "client")));

        assertEquals(List.of("client client"), vouched);
    }

    @Test
    void anEnginesLinksAreVouchedForByTheirSignedRegistrationAndHello() {
        JsonObject registration = new JsonObject();
        registration.addProperty("pid", ProcessHandle.current().pid());
        registration.addProperty(TaskLinkHello.REGISTRATION_FIELD, "token");
        hub.fromEngine(stranger.encode(Message.create("registration_request", "e", registration)
                .withIdentities(List.of(bytes("intruder")))));
        hub.fromEngine(codec.encode(Message.create("registration_request", "e", registration)
                .withIdentities(List.of(bytes("link")))));
        hub.fromEngine(codec.encode(Message.create(TaskLinkHello.MSG_TYPE, "e", new TaskLinkHello("token").content())
                .withIdentities(List.of(bytes("task-link")))));

        assertEquals(List.of("engine link", "engine task-link"), vouched);
    }

    private static Message request(String type, String client) {
        return Message.create(type, "session-" + client, new JsonObject()).withIdentities(List.of(bytes(client)));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}

package org.jparallel.controller;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jparallel.controller.launch.ControllerLink;
import org.jparallel.controller.profile.ClientConnection;
import org.jparallel.wire.HmacSigner;
import org.jparallel.wire.JsonFrames;
import org.jparallel.wire.Message;
import org.jparallel.wire.MessageCodec;

/**
 * A bare client for tests: sends requests to engines through the controller and collects what
 * comes back for each, in order. Stands in for the client API, which is built on the same protocol.
 */
final class TestClient implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final ControllerLink link;
    private final ClientConnection connection;
    private final Map<String, List<Message>> byParent = new HashMap<>();
    private final List<Message> notifications = new ArrayList<>();

    TestClient(Path clientFile) throws Exception {
        this.connection = ClientConnection.read(clientFile);
        this.link = ControllerLink.connect(connection);
    }

    Message send(String msgType, JsonObject content, Integer target, List<byte[]> buffers) {
        JsonObject metadata = new JsonObject();
        if (target != null) {
            JsonArray targets = new JsonArray();
            targets.add(target);
            metadata.add("targets", targets);
        }
        Message request = link.message(msgType, content).withMetadata(metadata).withBuffers(buffers);
        link.send(request);
        return request;
    }

    /** A request whose {@code metadata.targets} is {@code targets}, whatever it holds. */
    Message sendTo(JsonElement targets, String msgType, JsonObject content) {
        JsonObject metadata = new JsonObject();
        metadata.add("targets", targets);
        Message request = link.message(msgType, content).withMetadata(metadata);
        link.send(request);
        return request;
    }

    /** A request to {@code engine}, correctly signed, whose content frame is {@code content} as it is. */
    Message sendWithContentFrame(String msgType, byte[] content, int engine) {
        JsonObject metadata = new JsonObject();
        JsonArray targets = new JsonArray();
        targets.add(engine);
        metadata.add("targets", targets);
        Message request = link.message(msgType, new JsonObject()).withMetadata(metadata);
        List<byte[]> body = List.of(JsonFrames.write(request.header().toJson()), JsonFrames.write(new JsonObject()),
                JsonFrames.write(metadata), content);
        List<byte[]> frames = new ArrayList<>();
        frames.add(MessageCodec.DELIMITER);
        frames.add(HmacSigner.create(connection.signatureScheme(), connection.key()).sign(body));
        frames.addAll(body);
        link.sendFrames(frames);
        return request;
    }

    Message execute(int engine, String code) {
        JsonObject content = new JsonObject();
        content.addProperty("code", code);
        content.addProperty("silent", false);
        return send("execute_request", content, engine, List.of());
    }

    /** Everything the request caused, its reply last. */
    List<Message> outcome(Message request) {
        return outcome(request, TIMEOUT);
    }

    List<Message> outcome(Message request, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Message> got = byParent.getOrDefault(request.header().msgId(), List.of());
            if (!got.isEmpty() && got.get(got.size() - 1).msgType().endsWith("_reply")) {
                return got;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no reply to " + request.msgType() + " within " + timeout + "; got " + got);
            }
            pump(Duration.ofMillis(100));
        }
    }

    Message reply(Message request) {
        List<Message> outcome = outcome(request);
        return outcome.get(outcome.size() - 1);
    }

    /** The first message of type {@code msgType} the request caused, waiting for it. */
    Message first(Message request, String msgType, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (Message m : byParent.getOrDefault(request.header().msgId(), List.of())) {
                if (m.msgType().equals(msgType)) {
                    return m;
                }
            }
            pump(Duration.ofMillis(20));
        }
        throw new AssertionError("no " + msgType + " for " + request.msgType() + " within " + timeout);
    }

    /** Messages from the controller that answer no request: engine_registered, engine_unregistered. */
    List<Message> notifications() {
        pump(Duration.ofMillis(50));
        return notifications;
    }

    Message controllerRequest(String msgType, JsonObject content) throws Exception {
        Message request = link.message(msgType, content);
        link.send(request);
        return reply(request);
    }

    private void pump(Duration wait) {
        Optional<Message> message = link.receive(wait);
        while (message.isPresent()) {
            Message m = message.get();
            if (m.parentHeader().has("msg_id")) {
                byParent.computeIfAbsent(m.parentHeader().get("msg_id").getAsString(), k -> new ArrayList<>()).add(m);
            } else {
                notifications.add(m);
            }
            message = link.receive(Duration.ofMillis(1));
        }
    }

    static String text(Message m, String key) {
        return m.content().get(key).getAsString();
    }

    @Override
    public void close() {
        link.close();
    }
}

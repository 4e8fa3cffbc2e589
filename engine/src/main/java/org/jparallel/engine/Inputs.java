package org.jparallel.engine;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.jparallel.wire.Message;

/**
 * The results of other tasks that an apply takes as arguments: from this engine's {@link HeldResults}
 * when it made them, else fetched with a {@code value_request} that the controller relays to the engine
 * holding them. The execution thread waits for the answer; the socket thread delivers it.
 */
final class Inputs {
    private final HeldResults held;
    private final Outbound outbound;
    private final Map<String, CompletableFuture<Message>> fetching = new ConcurrentHashMap<>();

    Inputs(HeldResults held, Outbound outbound) {
        this.held = held;
        this.outbound = outbound;
    }

    /**
     * The frames of the result of task {@code msgId}.
     *
     * @throws InputUnavailableException when no engine holds it any more (its engine died, or it was released)
     */
    List<byte[]> frames(String msgId) throws InterruptedException, InputUnavailableException {
        List<byte[]> local = held.frames(msgId).orElse(null);
        if (local != null) {
            return local;
        }
        JsonObject content = new JsonObject();
        content.addProperty("msg_id", msgId);
        Message request = Message.create("value_request", outbound.session(), content);
        CompletableFuture<Message> answer = new CompletableFuture<>();
        fetching.put(request.header().msgId(), answer);
        try {
            outbound.send(request);
            Message reply = answer.get();
            JsonElement status = reply.content().get("status");
            if (status != null && !"ok".equals(status.getAsString())) {
                throw new InputUnavailableException(string(reply.content(), "ename"),
                        string(reply.content(), "evalue"));
            }
            return reply.buffers();
        } catch (ExecutionException e) {
            throw new IllegalStateException("fetching the result of task " + msgId + " failed", e.getCause());
        } finally {
            fetching.remove(request.header().msgId());
        }
    }

    /** On the socket thread: the answer to one of this engine's {@code value_request}s. */
    void answered(Message reply) {
        JsonElement parent = reply.parentHeader().get("msg_id");
        CompletableFuture<Message> answer = parent == null ? null : fetching.get(parent.getAsString());
        if (answer != null) {
            answer.complete(reply);
        }
    }

    private static String string(JsonObject content, String key) {
        JsonElement e = content.get(key);
        return e == null || e.isJsonNull() ? "" : e.getAsString();
    }
}

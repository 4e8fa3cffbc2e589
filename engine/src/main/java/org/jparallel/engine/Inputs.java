package org.jparallel.engine;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.jparallel.wire.JsonFields;
import org.jparallel.wire.Message;

/**
 * The results of other tasks that an apply takes as arguments: from this engine's {@link HeldResults}
 * when it made them, else fetched with a {@code value_request} that the controller relays to the engine
 * holding them. The execution thread waits for the answers; the socket thread delivers them.
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
     * The frames of these tasks' results, in order. Those held elsewhere are all asked for at once, so that a task
     * with several inputs waits for the slowest answer, not for the sum of them.
     *
     * @throws InputUnavailableException when no engine holds one any more (its engine died, or it was released)
     */
    List<List<byte[]>> frames(List<String> msgIds) throws InterruptedException, InputUnavailableException {
        Map<String, List<byte[]>> local = new HashMap<>();
        Map<String, String> askedAs = new LinkedHashMap<>(); // result msg_id -> value_request msg_id
        try {
            for (String msgId : msgIds) {
                if (!local.containsKey(msgId) && !askedAs.containsKey(msgId)) {
                    held.frames(msgId).ifPresentOrElse(frames -> local.put(msgId, frames),
                            () -> askedAs.put(msgId, ask(msgId)));
                }
            }
            List<List<byte[]>> all = new ArrayList<>(msgIds.size());
            for (String msgId : msgIds) {
                List<byte[]> frames = local.get(msgId);
                all.add(frames != null ? frames : answer(msgId, askedAs.get(msgId)));
            }
            return all;
        } finally {
            askedAs.values().forEach(fetching::remove);
        }
    }

    /** Sends a {@code value_request} for the result of {@code msgId}; its own msg_id names the answer to wait for. */
    private String ask(String msgId) {
        JsonObject content = new JsonObject();
        content.addProperty("msg_id", msgId);
        Message request = Message.create("value_request", outbound.session(), content);
        fetching.put(request.header().msgId(), new CompletableFuture<>());
        outbound.send(request);
        return request.header().msgId();
    }

    private List<byte[]> answer(String msgId, String request) throws InterruptedException, InputUnavailableException {
        try {
            Message reply = fetching.get(request).get();
            JsonElement status = reply.content().get("status");
            if (status != null && !"ok".equals(status.getAsString())) {
                throw new InputUnavailableException(JsonFields.string(reply.content(), "ename", ""),
                        JsonFields.string(reply.content(), "evalue", ""));
            }
            return reply.buffers();
        } catch (ExecutionException e) {
            throw new IllegalStateException("fetching the result of task " + msgId + " failed", e.getCause());
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

}

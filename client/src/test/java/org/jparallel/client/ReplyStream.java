package org.jparallel.client;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.jparallel.client.values.ValueDecoder;
import org.jparallel.client.values.ValueEncoder;
import org.jparallel.client.values.ClassBytes;
import org.jparallel.wire.Header;
import org.jparallel.wire.Message;

/**
 * Feeds an {@link AsyncResult} the messages engines send, as the client's socket thread would: outputs and
 * replies whose parent is the task's request, values encoded with the real values codec.
 */
final class ReplyStream {
    static final ValueEncoder ENCODER = new ValueEncoder(ClassBytes.none());
    static final ValueDecoder DECODER = new ValueDecoder(ReplyStream.class.getClassLoader());
    static final ReplyReader APPLY = (reply, outputs) -> DECODER.decode(reply.buffers());

    final List<String> aborted = new ArrayList<>();
    /** Those of {@link #aborted} whose engines were asked to interrupt them if running. */
    final List<String> interrupted = new ArrayList<>();

    <T> AsyncResult<T> result(String method, List<Integer> targets, Function<List<Object>, T> combine,
                              boolean composite) {
        return new AsyncResult<>(method, ids(targets.size()), targets, APPLY, combine, composite, this::abort);
    }

    /** A result of another client's task, as {@link Client#getResult} makes it. */
    AsyncResult<Object> foreignResult() {
        return new AsyncResult<>("result", ids(1), List.of(-1), APPLY, values -> values.get(0), false, this::abort,
                false);
    }

    <R> AsyncMapResult<R> mapResult(int tasks, boolean ordered) {
        int[] chunkLengths = new int[tasks];
        Arrays.fill(chunkLengths, 1);
        return mapResult(ordered, chunkLengths);
    }

    /** A map whose task {@code i} was given {@code chunkLengths[i]} elements. */
    <R> AsyncMapResult<R> mapResult(boolean ordered, int... chunkLengths) {
        List<Integer> targets = new ArrayList<>();
        for (int i = 0; i < chunkLengths.length; i++) {
            targets.add(-1);
        }
        return new AsyncMapResult<>("map", ids(chunkLengths.length), targets, APPLY, ordered, chunkLengths,
                this::abort);
    }

    private void abort(List<String> msgIds, boolean interruptRunning) {
        aborted.addAll(msgIds);
        if (interruptRunning) {
            interrupted.addAll(msgIds);
        }
    }

    private static List<String> ids(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(Header.create("apply_request", "s", "u").msgId());
        }
        return ids;
    }

    static void reply(AsyncResult<?> result, int task, int engineId, Object value) {
        JsonObject content = new JsonObject();
        content.addProperty("status", "ok");
        result.pendingFor(task).receive(message(result, task, engineId, "apply_reply", content)
                .withBuffers(ENCODER.encode(value)));
    }

    static void error(AsyncResult<?> result, int task, int engineId, String ename, String evalue) {
        JsonObject content = new JsonObject();
        content.addProperty("status", "error");
        content.addProperty("ename", ename);
        content.addProperty("evalue", evalue);
        JsonArray traceback = new JsonArray();
        traceback.add(ename + ": " + evalue);
        traceback.add("\tat REPL.$JShell$12.lambda$do_it$$0($JShell$12.java:3)");
        content.add("traceback", traceback);
        result.pendingFor(task).receive(message(result, task, engineId, "apply_reply", content));
    }

    static void aborted(AsyncResult<?> result, int task) {
        JsonObject content = new JsonObject();
        content.addProperty("status", "aborted");
        result.pendingFor(task).receive(message(result, task, -1, "apply_reply", content));
    }

    static void stream(AsyncResult<?> result, int task, int engineId, String name, String text) {
        JsonObject content = new JsonObject();
        content.addProperty("name", name);
        content.addProperty("text", text);
        result.pendingFor(task).receive(message(result, task, engineId, "stream", content));
    }

    static void display(AsyncResult<?> result, int task, int engineId, String mimeType, String value) {
        displayEvent(result, task, engineId, "display_data", "", mimeType, value);
    }

    /** A {@code display_data} or {@code update_display_data} under {@code displayId}. */
    static void displayEvent(AsyncResult<?> result, int task, int engineId, String msgType, String displayId,
                             String mimeType, String value) {
        JsonObject data = new JsonObject();
        data.addProperty("text/plain", "<display>");
        data.addProperty(mimeType, value);
        JsonObject content = new JsonObject();
        content.add("data", data);
        content.add("metadata", new JsonObject());
        JsonObject transientPart = new JsonObject();
        if (!displayId.isEmpty()) {
            transientPart.addProperty("display_id", displayId);
        }
        content.add("transient", transientPart);
        result.pendingFor(task).receive(message(result, task, engineId, msgType, content));
    }

    static Message message(AsyncResult<?> result, int task, int engineId, String type, JsonObject content) {
        JsonObject parent = new JsonObject();
        parent.addProperty("msg_id", result.msgIds().get(task));
        parent.addProperty("msg_type", "apply_request");
        JsonObject metadata = new JsonObject();
        if (engineId >= 0) {
            metadata.addProperty("engine_id", engineId);
        }
        return new Message(List.of(), Header.create(type, "engine", "jparallel"), parent, metadata, content,
                List.of());
    }
}

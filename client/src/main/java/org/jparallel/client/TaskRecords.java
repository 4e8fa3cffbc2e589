package org.jparallel.client;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jparallel.wire.BackgroundThreads;
import org.jparallel.wire.Header;
import org.jparallel.wire.Message;

/**
 * The controller's records of tasks, asked for by msg_id: results of tasks this client did not submit (or
 * submitted before a restart), their status, the queues, and purging. Backs {@link Client#getResult} and
 * its neighbours.
 */
final class TaskRecords {
    private static final long POLL_MILLIS = 100;

    private final ClientChannel channel;
    private final TaskSender sender;
    private final Duration timeout;
    private ScheduledExecutorService poller;

    TaskRecords(ClientChannel channel, TaskSender sender, Duration timeout) {
        this.channel = channel;
        this.sender = sender;
        this.timeout = timeout;
    }

    /** One daemon thread polls for every pending result of this client, made when first needed. */
    private synchronized ScheduledExecutorService poller() {
        if (poller == null) {
            poller = Executors.newSingleThreadScheduledExecutor(BackgroundThreads.factory("jparallel-result-poller"));
        }
        return poller;
    }

    synchronized void close() {
        if (poller != null) {
            poller.shutdownNow();
        }
    }

    /** A result fed from the controller's record of {@code msgId}, polled while the task is pending. */
    AsyncResult<Object> result(String msgId) {
        Message first = ask(List.of(msgId));
        if (strings(first.content(), "unknown").contains(msgId)) {
            throw new UnknownTaskException(msgId);
        }
        JsonObject record = first.content().getAsJsonObject("results").getAsJsonObject(msgId);
        String msgType = OutputMessages.string(record, "msg_type");
        ReplyReader reader = switch (msgType) {
            case "apply_request" -> (reply, outputs) -> sender.appliedValue(reply);
            case "pull_request" -> (reply, outputs) -> sender.pulledValues(reply);
            default -> ReplyReader.NOTHING;
        };
        // Another client's task, maybe: a notebook's interrupt ends the wait for it, not the task.
        AsyncResult<Object> result = new AsyncResult<>("result", List.of(msgId), List.of(-1), reader,
                values -> values.get(0), false, sender::abort, false);
        String label = OutputMessages.string(record, "label");
        result.label(label.isEmpty() ? "result" : label);
        feed(result, msgId, first);
        return result;
    }

    private void feed(AsyncResult<Object> result, String msgId, Message answer) {
        if (result.ready()) {
            return;
        }
        if (strings(answer.content(), "completed").contains(msgId)) {
            deliver(result, msgId, answer);
        } else if (strings(answer.content(), "unknown").contains(msgId)) {
            result.pendingFor(0).fail(new UnknownTaskException(msgId));
        } else {
            poller().schedule(() -> {
                try {
                    feed(result, msgId, ask(List.of(msgId)));
                } catch (RuntimeException e) {
                    result.pendingFor(0).fail(e);
                }
            }, POLL_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** Replays the record as the messages the task's own client saw: its output, then its reply. */
    private void deliver(AsyncResult<Object> result, String msgId, Message answer) {
        JsonObject record = answer.content().getAsJsonObject("results").getAsJsonObject(msgId);
        JsonObject parent = new JsonObject();
        parent.addProperty("msg_id", msgId);
        JsonObject metadata = new JsonObject();
        for (String key : List.of("engine_id", "submitted", "started", "completed", "status")) {
            if (record.has(key)) {
                metadata.add(key, record.get(key));
            }
        }
        Pending pending = result.pendingFor(0);
        for (String stream : List.of("stdout", "stderr")) {
            String text = OutputMessages.string(record, stream);
            if (!text.isEmpty()) {
                JsonObject content = new JsonObject();
                content.addProperty("name", stream);
                content.addProperty("text", text);
                pending.receive(message("stream", parent, metadata, content, List.of()));
            }
        }
        JsonArray slice = record.getAsJsonArray("buffers");
        int first = slice.get(0).getAsInt();
        List<byte[]> buffers = answer.buffers().subList(first, first + slice.get(1).getAsInt());
        String replyType = OutputMessages.string(record, "msg_type").replace("_request", "_reply");
        pending.receive(message(replyType, parent, metadata, record.getAsJsonObject("content"), buffers));
    }

    private Message message(String msgType, JsonObject parent, JsonObject metadata, JsonObject content,
                            List<byte[]> buffers) {
        return new Message(List.of(), Header.create(msgType, "controller", "controller"), parent, metadata, content,
                buffers);
    }

    /** These finished apply tasks run again from their records: {@link Client#resubmit}. */
    AsyncResult<Object> resubmit(List<String> msgIds, boolean single) {
        return sender.resubmit(msgIds, single, timeout);
    }

    List<TaskInfo> find(TaskQuery query) {
        JsonObject reply = channel.call("db_request", query.content(), timeout).content();
        if (!"ok".equals(OutputMessages.string(reply, "status"))) {
            throw new IllegalArgumentException("the controller refused " + query + ": "
                    + OutputMessages.string(reply, "evalue"));
        }
        List<TaskInfo> found = new ArrayList<>();
        for (JsonElement element : reply.getAsJsonArray("records")) {
            JsonObject r = element.getAsJsonObject();
            found.add(new TaskInfo(OutputMessages.string(r, "msg_id"), OutputMessages.string(r, "msg_type"),
                    OutputMessages.string(r, "label"), r.get("engine_id").getAsInt(), OutputMessages.string(r, "status"),
                    instant(r, "submitted").orElse(Instant.EPOCH), instant(r, "started"), instant(r, "completed"),
                    OutputMessages.string(r, "stdout"), OutputMessages.string(r, "stderr"),
                    r.has("error") ? Optional.of(OutputMessages.string(r, "error")) : Optional.empty()));
        }
        return found;
    }

    private static Optional<Instant> instant(JsonObject record, String key) {
        try {
            return record.has(key) ? Optional.of(Instant.parse(record.get(key).getAsString())) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    ResultStatus status(List<String> msgIds) {
        JsonObject content = ask(msgIds).content();
        return new ResultStatus(strings(content, "pending"), strings(content, "completed"), strings(content, "unknown"));
    }

    List<String> history() {
        return strings(channel.call("history_request", new JsonObject(), timeout).content(), "history");
    }

    QueueStatus queue() {
        JsonObject content = channel.call("queue_request", new JsonObject(), timeout).content();
        Map<Integer, QueueStatus.Engine> engines = new HashMap<>();
        JsonObject byId = content.has("engines") ? content.getAsJsonObject("engines") : new JsonObject();
        byId.entrySet().forEach(e -> {
            JsonObject q = e.getValue().getAsJsonObject();
            engines.put(Integer.parseInt(e.getKey()), new QueueStatus.Engine(q.get("queue").getAsInt(),
                    q.get("completed").getAsInt(), q.has("held") ? q.get("held").getAsInt() : 0,
                    q.has("held_bytes") ? q.get("held_bytes").getAsLong() : 0));
        });
        return new QueueStatus(engines, content.has("unassigned") ? content.get("unassigned").getAsInt() : 0);
    }

    /** Forgets the records of these tasks ({@code all}: of every finished task); returns how many there were. */
    int purge(List<String> msgIds, boolean all) {
        JsonObject request = new JsonObject();
        request.add("msg_ids", array(msgIds));
        request.addProperty("all", all);
        JsonElement purged = channel.call("purge_request", request, timeout).content().get("purged");
        return purged == null ? 0 : purged.getAsInt();
    }

    private Message ask(List<String> msgIds) {
        JsonObject request = new JsonObject();
        request.add("msg_ids", array(msgIds));
        Message reply = channel.call("result_request", request, timeout);
        if (!"ok".equals(OutputMessages.string(reply.content(), "status"))) {
            throw new ClusterException("the controller could not answer result_request: "
                    + OutputMessages.string(reply.content(), "evalue"));
        }
        return reply;
    }

    private static JsonArray array(List<String> ids) {
        JsonArray array = new JsonArray();
        ids.forEach(array::add);
        return array;
    }

    private static List<String> strings(JsonObject content, String key) {
        List<String> values = new ArrayList<>();
        if (content.get(key) instanceof JsonArray array) {
            array.forEach(e -> values.add(e.getAsString()));
        }
        return values;
    }
}

package org.jparallel.controller.hub;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jparallel.controller.records.TaskFilter;
import org.jparallel.controller.records.TaskRecord;
import org.jparallel.controller.scheduler.PastOutcomes;
import org.jparallel.wire.JsonFields;

/**
 * {@code result_request} and {@code purge_request}: what the controller knows of tasks by msg_id,
 * from the hub's running tasks and the task store. Runs under the hub's lock.
 */
final class TaskResults {
    private final Hub hub;

    TaskResults(Hub hub) {
        this.hub = hub;
    }

    /**
     * {@code results: {msg_id: record}} for every known id, and the ids by state: {@code pending},
     * {@code completed}, {@code unknown} (never seen, or purged). A completed record carries its reply's
     * {@code content} and {@code buffers: [first, count]}, the slice of the reply's buffers that are its own.
     */
    ResultAnswer answer(JsonObject request) {
        JsonObject results = new JsonObject();
        JsonArray pending = new JsonArray();
        JsonArray completed = new JsonArray();
        JsonArray unknown = new JsonArray();
        List<byte[]> buffers = new ArrayList<>();
        for (String msgId : ids(request)) {
            TaskRecord record = hub.log().finished(msgId).orElse(null);
            Task task = hub.tasks().get(msgId);
            if (record != null) {
                completed.add(msgId);
                results.add(msgId, finished(record, buffers));
            } else if (task != null && !task.finished()) {
                pending.add(msgId);
                results.add(msgId, running(task));
            } else {
                unknown.add(msgId);
            }
        }
        JsonObject content = ControllerRequests.ok();
        content.add("results", results);
        content.add("pending", pending);
        content.add("completed", completed);
        content.add("unknown", unknown);
        return new ResultAnswer(content, buffers);
    }

    /**
     * {@code db_request} (ipyparallel's {@code db_query}): {@code records: [..]} for every task, finished or pending,
     * that the request's criteria ({@link TaskFilter}) match, oldest submission first; each with its times, engine,
     * status, label, what it printed, and for a failed or aborted one its {@code error} ({@code ename: evalue}).
     */
    JsonObject find(JsonObject request) {
        TaskFilter filter = TaskFilter.of(request);
        List<TaskRecord> found = new ArrayList<>(hub.log().store().find(filter));
        hub.tasks().forEach((msgId, task) -> {
            if (!task.finished()) {
                TaskRecord pending = hub.log().pending(task);
                if (filter.matches(pending)) {
                    found.add(pending);
                }
            }
        });
        found.sort(Comparator.comparing((TaskRecord r) -> ControllerRequests.instant(r.submitted()))
                .thenComparing(TaskRecord::msgId));
        JsonArray records = new JsonArray();
        for (TaskRecord record : found) {
            JsonObject json = common(record.msgType(), record.label(), record.engineId(), record.status(),
                    record.submitted(), record.started(), record.completed());
            json.addProperty("msg_id", record.msgId());
            json.addProperty("stdout", record.stdout());
            json.addProperty("stderr", record.stderr());
            if (!record.status().equals("ok") && !record.status().equals("pending")) {
                json.addProperty("error", pastOutcome(record).error());
            }
            records.add(json);
        }
        JsonObject reply = ControllerRequests.ok();
        reply.add("records", records);
        return reply;
    }

    /** How a recorded task ended, as dependencies on it need to know. */
    static PastOutcomes.Past pastOutcome(TaskRecord record) {
        if (record.status().equals("ok")) {
            return new PastOutcomes.Past(null);
        }
        JsonObject content = JsonParser.parseString(record.content()).getAsJsonObject();
        String ename = JsonFields.string(content, "ename", record.status());
        String evalue = JsonFields.string(content, "evalue", "");
        return new PastOutcomes.Past(evalue.isEmpty() ? ename : ename + ": " + evalue);
    }

    private JsonObject running(Task task) {
        return common(task.msgType, hub.log().label(task.msgId), task.engineId, task.status, task.submitted,
                task.started, task.completed);
    }

    private static JsonObject finished(TaskRecord record, List<byte[]> buffers) {
        JsonObject json = common(record.msgType(), record.label(), record.engineId(), record.status(),
                record.submitted(), record.started(), record.completed());
        json.addProperty("stdout", record.stdout());
        json.addProperty("stderr", record.stderr());
        JsonElement content = JsonParser.parseString(record.content());
        json.add("content", content);
        JsonArray slice = new JsonArray();
        slice.add(buffers.size());
        slice.add(record.buffers().size());
        json.add("buffers", slice);
        buffers.addAll(record.buffers());
        return json;
    }

    private static JsonObject common(String msgType, String label, int engineId, String status, String submitted,
                                     String started, String completed) {
        JsonObject json = new JsonObject();
        json.addProperty("msg_type", msgType);
        json.addProperty("label", label);
        json.addProperty("status", status);
        json.addProperty("engine_id", engineId);
        json.addProperty("submitted", submitted);
        if (started != null) {
            json.addProperty("started", started);
        }
        if (completed != null) {
            json.addProperty("completed", completed);
        }
        return json;
    }

    /** {@code purge_request {msg_ids: [..]}} forgets those records; {@code {all: true}} every finished one. */
    JsonObject purge(JsonObject request) {
        int purged = request.has("all") && request.get("all").getAsBoolean()
                ? hub.log().store().purgeAll()
                : hub.log().store().purge(ids(request));
        JsonObject reply = ControllerRequests.ok();
        reply.addProperty("purged", purged);
        return reply;
    }

    static List<String> ids(JsonObject request) {
        List<String> ids = new ArrayList<>();
        if (request.get("msg_ids") instanceof JsonArray array) {
            array.forEach(id -> ids.add(id.getAsString()));
        }
        return ids;
    }
}

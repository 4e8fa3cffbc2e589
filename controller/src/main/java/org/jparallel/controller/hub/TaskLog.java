package org.jparallel.controller.hub;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jparallel.controller.records.KeptRequest;
import org.jparallel.controller.records.TaskRecord;
import org.jparallel.controller.records.TaskStore;
import org.jparallel.wire.JsonFields;
import org.jparallel.wire.MalformedMessageException;

/**
 * Writes the record of each task to the {@link TaskStore} when it ends: its label, what it printed
 * (gathered from its {@code stream} messages while it runs) and its reply, content and buffers as
 * they came. Runs under the hub's lock.
 */
final class TaskLog {
    private final TaskStore store;
    private final Map<String, Running> running = new HashMap<>();

    /** What a task has gathered until it ends. */
    private static final class Running {
        final String label;
        final KeptRequest request;
        final RecordedText stdout = new RecordedText();
        final RecordedText stderr = new RecordedText();

        Running(String label, KeptRequest request) {
            this.label = label;
            this.request = request;
        }
    }

    /**
     * The first {@value #KEPT_CHARS} characters a task printed to one stream, and whether there were more: a task
     * that prints without end must not grow the controller without end (its client got all of it as it came).
     */
    static final class RecordedText {
        static final int KEPT_CHARS = 1 << 20;
        private final StringBuilder kept = new StringBuilder();
        private boolean more;

        void append(String text) {
            int room = KEPT_CHARS - kept.length();
            if (text.length() <= room) {
                kept.append(text);
            } else {
                kept.append(text, 0, room);
                more = true;
            }
        }

        boolean full() {
            return kept.length() >= KEPT_CHARS;
        }

        @Override
        public String toString() {
            return more ? kept + "\n[more output, not recorded]\n" : kept.toString();
        }
    }

    TaskLog(TaskStore store) {
        this.store = store;
    }

    TaskStore store() {
        return store;
    }

    /** @param request the request to keep with the record, or null ({@link #keep}) */
    void submitted(Task task, JsonObject metadata, KeptRequest request) {
        running.put(task.msgId, new Running(JsonFields.string(metadata, "label", ""), request));
    }

    /**
     * The request to keep for running the task again, or null: only an {@code apply_request}'s (a function runs
     * anywhere; code and pushes are for an engine's namespace), and not when it weighs more than
     * {@link KeptRequest#MAX_BYTES} or when its client offered its big arrays on its bulk channel
     * ({@code metadata.bulk}), for its first run only.
     */
    static KeptRequest keep(RoutingHeader route) throws MalformedMessageException {
        if (!route.msgType().equals("apply_request") || JsonFields.bool(route.metadata(), "bulk", false)) {
            return null;
        }
        long bytes = route.headerFrame().length + route.metadataFrame().length + route.contentFrame().length;
        for (byte[] buffer : route.buffers()) {
            bytes += buffer.length;
        }
        if (bytes > KeptRequest.MAX_BYTES) {
            return null;
        }
        return new KeptRequest(route.headerFrame(), route.metadataFrame(), route.contentFrame(), route.buffers());
    }

    String label(String msgId) {
        Running task = running.get(msgId);
        return task == null ? "" : task.label;
    }

    /** A {@code stream} message of a running task: its text joins the task's stdout or stderr. */
    void output(RoutingHeader route) throws MalformedMessageException {
        String parent = route.parentMsgId();
        Running task = parent == null ? null : running.get(parent);
        if (task == null) {
            return;
        }
        if (task.stdout.full() && task.stderr.full()) {
            return;
        }
        JsonObject content = RoutingHeader.object(route.contentFrame());
        String text = JsonFields.string(content, "text", "");
        (JsonFields.string(content, "name", "stdout").equals("stderr") ? task.stderr : task.stdout).append(text);
    }

    /** The engine's reply to {@code task} (already finished by the hub). */
    void replied(Task task, RoutingHeader route) {
        String content = new String(route.contentFrame(), StandardCharsets.UTF_8);
        write(task, content, route.buffers());
    }

    /** A reply the controller wrote itself: the engine died, or the task was aborted while queued. */
    void ended(Task task, JsonObject content) {
        write(task, content.toString(), List.of());
    }

    private void write(Task task, String content, List<byte[]> buffers) {
        Running gathered = running.remove(task.msgId);
        Running output = gathered == null ? new Running("", null) : gathered;
        store.put(new TaskRecord(task.msgId, task.msgType, output.label, task.engineId, task.status, task.submitted,
                task.started, task.completed, content, output.stdout.toString(), output.stderr.toString(), buffers,
                output.request));
    }

    /** What is known of a task still pending, as a record: no reply yet, its output so far. */
    TaskRecord pending(Task task) {
        Running gathered = running.get(task.msgId);
        Running output = gathered == null ? new Running("", null) : gathered;
        return new TaskRecord(task.msgId, task.msgType, output.label, task.engineId, task.status, task.submitted,
                task.started, null, "{}", output.stdout.toString(), output.stderr.toString(), List.of(), null);
    }

    Optional<TaskRecord> finished(String msgId) {
        return store.get(msgId);
    }
}

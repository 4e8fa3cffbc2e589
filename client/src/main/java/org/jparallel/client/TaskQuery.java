package org.jparallel.client;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Which tasks {@link Client#dbQuery} lists from the controller's records, finished and pending, any client's:
 * ipyparallel's {@code rc.db_query(query)} in Java's idiom. Each method returns a new query with one more criterion;
 * a task is listed when it meets them all.
 *
 * <pre>{@code
 * rc.dbQuery(TaskQuery.all().status("error"))                       // every failed task
 * rc.dbQuery(TaskQuery.all().label("nightly").engine(2))
 * rc.dbQuery(TaskQuery.all().completedAfter(Instant.now().minus(Duration.ofMinutes(5))))
 * }</pre>
 *
 * <p>Times are the controller's: {@code …After} is inclusive, {@code …Before} exclusive; a criterion on completion
 * leaves out the tasks still pending. Giving a criterion again replaces it ({@code status("ok", "error")} for
 * either). The records are bounded (the oldest go first) unless the cluster was started
 * with {@code --db sqlite}.
 */
public final class TaskQuery {
    private static final Set<String> STATUSES = Set.of("pending", "ok", "error", "aborted");
    /** The requests that are tasks, by the words {@link #msgType} takes. */
    private static final Set<String> TASK_TYPES = Set.of("apply", "execute", "push", "pull", "clear");
    private static final TaskQuery ALL = new TaskQuery(new JsonObject());

    private final JsonObject criteria;

    private TaskQuery(JsonObject criteria) {
        this.criteria = criteria;
    }

    /** Every task the controller knows. */
    public static TaskQuery all() {
        return ALL;
    }

    /** Only these tasks (by msg_id). */
    public TaskQuery msgIds(Collection<String> msgIds) {
        JsonArray ids = new JsonArray();
        msgIds.forEach(id -> ids.add(required(id, "a msg_id")));
        return with("msg_ids", ids);
    }

    /** Only tasks of this label ({@code TaskFlags.withLabel}, {@code label("…")}). */
    public TaskQuery label(String label) {
        return with("label", required(label, "a label"));
    }

    /**
     * Only tasks in one of these states: {@code pending}, {@code ok}, {@code error}, {@code aborted}.
     *
     * @throws IllegalArgumentException for another word
     */
    public TaskQuery status(String... statuses) {
        if (statuses.length == 0) {
            throw new IllegalArgumentException("status takes one or more of pending, ok, error and aborted");
        }
        JsonArray array = new JsonArray();
        for (String status : statuses) {
            if (!STATUSES.contains(required(status, "a status"))) {
                throw new IllegalArgumentException("a task's status is pending, ok, error or aborted, not " + status);
            }
            array.add(status);
        }
        return with("status", array);
    }

    /** Only tasks that ran, or run, on this engine. */
    public TaskQuery engine(int engineId) {
        JsonObject copy = criteria.deepCopy();
        copy.addProperty("engine_id", engineId);
        return new TaskQuery(copy);
    }

    /**
     * Only requests of this type: {@code apply} (functions: apply, map), {@code execute} (code), {@code push},
     * {@code pull} or {@code clear}; or with {@code _request} after it, as the messages name them.
     *
     * @throws IllegalArgumentException for another word
     */
    public TaskQuery msgType(String msgType) {
        String kind = required(msgType, "a message type").replaceFirst("_request$", "");
        if (!TASK_TYPES.contains(kind)) {
            throw new IllegalArgumentException("a task's message type is apply, execute, push, pull or clear (or"
                    + " apply_request, …), not " + msgType);
        }
        return with("msg_type", kind + "_request");
    }

    private static String required(String value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " to look for, not null");
        }
        return value;
    }

    /** Only tasks submitted at or after {@code time}. */
    public TaskQuery submittedAfter(Instant time) {
        return bound("submitted", "after", time);
    }

    /** Only tasks submitted before {@code time}. */
    public TaskQuery submittedBefore(Instant time) {
        return bound("submitted", "before", time);
    }

    /** Only tasks completed at or after {@code time}. */
    public TaskQuery completedAfter(Instant time) {
        return bound("completed", "after", time);
    }

    /** Only tasks completed before {@code time}. */
    public TaskQuery completedBefore(Instant time) {
        return bound("completed", "before", time);
    }

    /** The criteria as a {@code db_request}'s content. */
    JsonObject content() {
        return criteria.deepCopy();
    }

    private TaskQuery with(String key, String value) {
        JsonObject copy = criteria.deepCopy();
        copy.addProperty(key, value);
        return new TaskQuery(copy);
    }

    private TaskQuery with(String key, JsonArray values) {
        JsonObject copy = criteria.deepCopy();
        copy.add(key, values);
        return new TaskQuery(copy);
    }

    private TaskQuery bound(String time, String side, Instant at) {
        if (at == null) {
            throw new IllegalArgumentException("an instant to compare with, not null");
        }
        JsonObject copy = criteria.deepCopy();
        JsonObject bounds = copy.get(time) instanceof JsonObject o ? o : new JsonObject();
        bounds.addProperty(side, at.toString());
        copy.add(time, bounds);
        return new TaskQuery(copy);
    }

    @Override
    public String toString() {
        return "TaskQuery" + criteria;
    }
}

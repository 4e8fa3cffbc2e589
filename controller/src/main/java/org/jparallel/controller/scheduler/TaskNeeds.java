package org.jparallel.controller.scheduler;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * What a load-balanced task asks of the scheduler (its flags, read once from its metadata) and what the
 * scheduler learned while placing it: the engines where its requirements did not hold, those where it
 * failed, and the retries it has left. Lives from the task's first placement to its final answer.
 */
final class TaskNeeds {
    final List<TaskDependency> after;
    final List<TaskDependency> follow;
    /** The tasks whose results are its arguments ({@code metadata.inputs}), which {@code after} names too. */
    final Set<String> inputs;
    /** The engines it may run on ({@code metadata.lb_targets}); empty for any. */
    final Set<Integer> targets;
    /** {@link System#nanoTime()} past which unmet dependencies fail the task; {@link Long#MAX_VALUE} for never. */
    final long deadlineNanos;
    final double timeoutSeconds;
    final Set<Integer> unmetOn = new HashSet<>();
    final Set<Integer> failedOn = new HashSet<>();
    String lastUnmet = "";
    /** Why the flags could not be read, or null. */
    String unreadable;
    int retriesLeft;

    private TaskNeeds(List<TaskDependency> after, List<TaskDependency> follow, Set<String> inputs,
                      Set<Integer> targets, double timeoutSeconds, int retries, long nowNanos) {
        this.after = after;
        this.follow = follow;
        this.inputs = inputs;
        this.targets = targets;
        this.timeoutSeconds = timeoutSeconds;
        this.deadlineNanos = timeoutSeconds > 0
                ? nowNanos + (long) (timeoutSeconds * TimeUnit.SECONDS.toNanos(1)) : Long.MAX_VALUE;
        this.retriesLeft = retries;
    }

    /** @throws IllegalArgumentException when the flags are malformed */
    static TaskNeeds of(JsonObject metadata, long nowNanos) {
        JsonElement timeout = metadata.get("timeout");
        JsonElement retries = metadata.get("retries");
        return new TaskNeeds(TaskDependency.parse(metadata.get("after")), TaskDependency.parse(metadata.get("follow")),
                msgIds(metadata.get("inputs")), engines(metadata.get("lb_targets")),
                timeout == null || timeout.isJsonNull() ? 0 : timeout.getAsDouble(),
                retries == null || retries.isJsonNull() ? 0 : Math.max(0, retries.getAsInt()), nowNanos);
    }

    static TaskNeeds unreadable(String why) {
        TaskNeeds needs = new TaskNeeds(List.of(), List.of(), Set.of(), Set.of(), 0, 0, 0);
        needs.unreadable = why;
        return needs;
    }

    private static Set<String> msgIds(JsonElement ids) {
        if (ids == null || !ids.isJsonArray()) {
            return Set.of();
        }
        Set<String> msgIds = new HashSet<>();
        ids.getAsJsonArray().forEach(id -> msgIds.add(id.getAsString()));
        return msgIds;
    }

    private static Set<Integer> engines(JsonElement ids) {
        if (ids == null || ids.isJsonNull()) {
            return Set.of();
        }
        Set<Integer> engines = new TreeSet<>();
        for (JsonElement id : ids.getAsJsonArray()) {
            engines.add(id.getAsInt());
        }
        return engines;
    }

    /**
     * Whether it may wait for its {@code after} tasks on the engine they went to: it needs them all to succeed,
     * and nothing the engine cannot judge (a timeout, a follow, engines to avoid or to keep to).
     */
    boolean mayWaitOnEngine() {
        if (unreadable != null || !follow.isEmpty() || !targets.isEmpty() || deadlineNanos != Long.MAX_VALUE
                || !unmetOn.isEmpty()
                || !failedOn.isEmpty()) {
            return false;
        }
        for (TaskDependency dependency : after) {
            if (!dependency.all() || !dependency.success() || dependency.failure()) {
                return false;
            }
        }
        return true;
    }

    boolean plain() {
        return unreadable == null && after.isEmpty() && follow.isEmpty() && targets.isEmpty() && unmetOn.isEmpty()
                && failedOn.isEmpty() && deadlineNanos == Long.MAX_VALUE;
    }
}

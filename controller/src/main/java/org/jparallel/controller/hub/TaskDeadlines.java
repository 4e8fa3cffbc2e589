package org.jparallel.controller.hub;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;

/**
 * When the timeouts of waiting load-balanced tasks ({@code metadata.timeout}) pass, soonest first, so that such a
 * task fails at its timeout, not at the next heartbeat. Runs under the hub's lock.
 */
final class TaskDeadlines {
    /** Past this many, entries of tasks that no longer wait are dropped (a timeout of years waits that long). */
    private static final int PRUNE_AT = 10_000;
    /** After the scheduler's own deadline, which it took a moment earlier, so that the task is due there too. */
    private static final long MARGIN_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private record Deadline(long nanos, Task task) {
    }

    private final PriorityQueue<Deadline> queue = new PriorityQueue<>((a, b) -> Long.compare(a.nanos - b.nanos, 0));
    private int pruneAt = PRUNE_AT;

    /** Notes a task's deadline, if its metadata gives it a timeout. */
    void add(Task task, JsonObject metadata) {
        JsonElement timeout = metadata.get("timeout");
        if (timeout == null || !timeout.isJsonPrimitive() || !timeout.getAsJsonPrimitive().isNumber()
                || !(timeout.getAsDouble() > 0)) {
            return;
        }
        double nanos = Math.min(timeout.getAsDouble() * TimeUnit.SECONDS.toNanos(1), Long.MAX_VALUE / 4.0);
        queue.add(new Deadline(System.nanoTime() + (long) nanos + MARGIN_NANOS, task));
        if (queue.size() > pruneAt) {
            queue.removeIf(deadline -> deadline.task().finished() || deadline.task().engineId >= 0);
            pruneAt = Math.max(PRUNE_AT, 2 * queue.size());
        }
    }

    /** The tasks whose deadline passed by {@code nowNanos}, taken out. */
    List<Task> due(long nowNanos) {
        List<Task> due = new ArrayList<>(0);
        while (!queue.isEmpty() && queue.peek().nanos() - nowNanos <= 0) {
            due.add(queue.poll().task());
        }
        return due;
    }
}

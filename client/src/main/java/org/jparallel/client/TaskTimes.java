package org.jparallel.client;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a result's tasks took, from the times the cluster recorded: the wall time from the first submission to
 * the last completion, and the serial time, the engines' run times added up. Their ratio is what running in
 * parallel gained. Behind {@link AsyncResult#wallTime()} and {@link AsyncResult#serialTime()}:
 *
 * <pre>{@code
 * ar.serialTime() / ar.wallTime();   // 3.7 on 4 engines: the speedup
 * }</pre>
 *
 * @param wallSeconds   first submission to last completion; 0 when no task completed
 * @param serialSeconds the sum of each task's started to completed; tasks that never ran count nothing
 */
record TaskTimes(double wallSeconds, double serialSeconds) {

    static TaskTimes of(List<TaskMetadata> tasks) {
        Instant firstSubmitted = null;
        Instant lastCompleted = null;
        Duration serial = Duration.ZERO;
        for (TaskMetadata task : tasks) {
            if (firstSubmitted == null || task.submitted().isBefore(firstSubmitted)) {
                firstSubmitted = task.submitted();
            }
            if (task.completed().isPresent()) {
                Instant completed = task.completed().get();
                if (lastCompleted == null || completed.isAfter(lastCompleted)) {
                    lastCompleted = completed;
                }
                if (task.started().isPresent()) {
                    serial = serial.plus(Duration.between(task.started().get(), completed));
                }
            }
        }
        double wall = lastCompleted == null ? 0 : seconds(Duration.between(firstSubmitted, lastCompleted));
        return new TaskTimes(Math.max(0, wall), seconds(serial));
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}

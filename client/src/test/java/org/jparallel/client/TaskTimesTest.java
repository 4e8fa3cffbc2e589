package org.jparallel.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TaskTimesTest {
    private static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");

    private static TaskMetadata task(double submitted, Double started, Double completed) {
        return new TaskMetadata("m", 0, at(submitted), Optional.ofNullable(started).map(TaskTimesTest::at),
                Optional.ofNullable(completed).map(TaskTimesTest::at), completed == null ? "pending" : "ok");
    }

    private static Instant at(double seconds) {
        return T0.plusNanos((long) (seconds * 1e9));
    }

    @Test
    void wallTimeRunsFromTheFirstSubmissionToTheLastCompletion() {
        TaskTimes times = TaskTimes.of(List.of(task(0.5, 0.6, 2.0), task(0.0, 0.1, 3.0), task(0.2, 0.3, 1.0)));
        assertEquals(3.0, times.wallSeconds(), 1e-9);
    }

    @Test
    void serialTimeAddsUpTheEnginesRunTimes() {
        TaskTimes times = TaskTimes.of(List.of(task(0, 1.0, 3.0), task(0, 1.0, 2.5), task(0, 2.0, 2.25)));
        assertEquals(3.75, times.serialSeconds(), 1e-9);
        assertEquals(1.25, times.serialSeconds() / times.wallSeconds(), 1e-9);
    }

    @Test
    void aTaskThatNeverRanCountsNoRunTime() {
        TaskTimes times = TaskTimes.of(List.of(task(0, null, 1.0), task(0, 0.5, 1.5)));
        assertEquals(1.0, times.serialSeconds(), 1e-9);
        assertEquals(1.5, times.wallSeconds(), 1e-9);
    }

    @Test
    void nothingCompletedIsNoTimeAtAll() {
        assertEquals(new TaskTimes(0, 0), TaskTimes.of(List.of(task(0, null, null))));
    }
}

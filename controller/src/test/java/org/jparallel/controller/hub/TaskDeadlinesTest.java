package org.jparallel.controller.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TaskDeadlinesTest {
    private final TaskDeadlines deadlines = new TaskDeadlines();

    private static Task task(String msgId) {
        return new Task(msgId, "apply_request", new byte[0], "", new byte[0]);
    }

    private static JsonObject timeout(double seconds) {
        JsonObject metadata = new JsonObject();
        metadata.addProperty("timeout", seconds);
        return metadata;
    }

    @Test
    void tasksComeDueSoonestFirstOnceTheirTimeoutPassed() {
        Task late = task("late");
        Task soon = task("soon");
        deadlines.add(late, timeout(20));
        deadlines.add(soon, timeout(10));
        long now = System.nanoTime();

        assertEquals(List.of(), deadlines.due(now));
        assertEquals(List.of(soon, late), deadlines.due(now + TimeUnit.SECONDS.toNanos(30)));
        assertEquals(List.of(), deadlines.due(now + TimeUnit.SECONDS.toNanos(40)), "each comes due once");
    }

    @Test
    void aTaskWithoutATimeoutNeverComesDue() {
        deadlines.add(task("none"), new JsonObject());
        deadlines.add(task("zero"), timeout(0));
        assertEquals(List.of(), deadlines.due(System.nanoTime() + TimeUnit.DAYS.toNanos(1)));
    }
}

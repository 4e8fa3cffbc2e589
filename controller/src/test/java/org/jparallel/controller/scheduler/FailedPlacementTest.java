package org.jparallel.controller.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What a task that can never run is told. */
class FailedPlacementTest {
    private static final List<EngineLoad> ENGINES = List.of(new EngineLoad(0, 1, 0), new EngineLoad(1, 1, 0));

    private final DependencyScheduler scheduler = new DependencyScheduler(Scheme.LEASTLOAD, 1, new Random(1));

    private Placement place(String msgId, JsonObject metadata) {
        scheduler.recorded(msgId);
        return scheduler.place(new QueuedTask(msgId, metadata), ENGINES);
    }

    private static JsonObject with(String field, String... msgIds) {
        JsonArray ids = new JsonArray();
        for (String id : msgIds) {
            ids.add(id);
        }
        JsonObject metadata = new JsonObject();
        metadata.add(field, ids);
        return metadata;
    }

    @Test
    void aChainOfFailedTasksNamesTheTaskBeforeAndTheFailureThatBeganIt() {
        scheduler.recorded("root");
        scheduler.finished("root", 0, "java.lang.ArithmeticException: / by zero");
        Placement.Fail failed = null;
        for (int i = 0; i < 50; i++) {
            failed = assertInstanceOf(Placement.Fail.class, place("t" + i, with("after", i == 0 ? "root" : "t" + (i - 1))));
            scheduler.finished("t" + i, -1, failed.ename() + ": " + failed.evalue());
        }
        assertEquals("this task cannot run: task t48 failed, as task root failed: java.lang.ArithmeticException:"
                + " / by zero", failed.evalue());
    }

    @Test
    void aResultOfAnotherClusterAsAnArgumentIsNamedAsAnArgument() {
        JsonObject metadata = with("after", "elsewhere");
        metadata.add("inputs", with("inputs", "elsewhere").get("inputs"));

        Placement.Fail failed = assertInstanceOf(Placement.Fail.class, place("t", metadata));

        assertEquals("InvalidDependency", failed.ename());
        assertTrue(failed.evalue().contains("it takes as an argument the result of task elsewhere")
                && failed.evalue().contains("result.get()"), failed.evalue());
    }
}

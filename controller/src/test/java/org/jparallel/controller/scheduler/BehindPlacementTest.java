package org.jparallel.controller.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Where a task waits for the tasks it runs after: on the engine they went to, or in the controller. */
class BehindPlacementTest {
    private static final List<EngineLoad> ENGINES = List.of(new EngineLoad(0, 1, 0), new EngineLoad(1, 1, 0));

    private final DependencyScheduler scheduler = new DependencyScheduler(Scheme.LEASTLOAD, 1, new Random(1));

    private void sent(String msgId, int engineId) {
        scheduler.recorded(msgId);
        scheduler.sentTo(msgId, engineId);
    }

    private Placement place(String msgId, JsonObject metadata) {
        scheduler.recorded(msgId);
        return scheduler.place(new QueuedTask(msgId, metadata), ENGINES);
    }

    private static JsonObject after(String... msgIds) {
        JsonArray ids = new JsonArray();
        for (String id : msgIds) {
            ids.add(id);
        }
        JsonObject metadata = new JsonObject();
        metadata.add("after", ids);
        return metadata;
    }

    @Test
    void aTaskAfterOneSentToAnEngineWaitsBehindItThere() {
        sent("x", 1);
        assertEquals(new Placement.Behind(1, List.of("x")), place("t", after("x")));
        assertTrue(scheduler.waitsBehind("t"));
    }

    @Test
    void aTaskAfterOneStillQueuedWaitsInTheController() {
        scheduler.recorded("x");
        assertEquals(new Placement.Blocked(List.of("x")), place("t", after("x")));
    }

    @Test
    void aTaskAfterTasksOnTwoEnginesWaitsInTheController() {
        sent("x", 0);
        sent("y", 1);
        assertInstanceOf(Placement.Blocked.class, place("t", after("x", "y")));
        assertFalse(scheduler.waitsBehind("t"));
    }

    @Test
    void tasksThatSucceededAlreadyAreNotWaitedFor() {
        sent("x", 0);
        scheduler.finished("x", 0, null);
        sent("y", 1);
        assertEquals(new Placement.Behind(1, List.of("y")), place("t", after("x", "y")));
    }

    @Test
    void aTaskWithATimeoutWaitsInTheControllerWhichTimesIt() {
        sent("x", 1);
        JsonObject metadata = after("x");
        metadata.addProperty("timeout", 30);
        assertInstanceOf(Placement.Blocked.class, place("t", metadata));
    }

    @Test
    void aTaskThatRunsOnAFailureWaitsInTheController() {
        sent("x", 1);
        JsonObject onFailure = new JsonObject();
        onFailure.add("msg_ids", after("x").get("after"));
        onFailure.addProperty("success", false);
        onFailure.addProperty("failure", true);
        JsonObject metadata = new JsonObject();
        JsonArray dependencies = new JsonArray();
        dependencies.add(onFailure);
        metadata.add("after", dependencies);
        assertInstanceOf(Placement.Blocked.class, place("t", metadata));
    }

    @Test
    void anEngineThatIsGoneTakesNoTaskBehind() {
        sent("x", 7);
        assertInstanceOf(Placement.Blocked.class, place("t", after("x")));
    }

    @Test
    void aThirdTaskWaitsInTheControllerUntilRoomComesOnTheEngine() {
        sent("x", 1);
        assertInstanceOf(Placement.Behind.class, place("t1", after("x")));
        sent("t1", 1);
        assertInstanceOf(Placement.Behind.class, place("t2", after("t1")));
        sent("t2", 1);
        Placement third = place("t3", after("t2"));
        assertInstanceOf(Placement.Blocked.class, third);
        assertTrue(((Placement.Blocked) third).on().contains("x"), "room comes when x ends: " + third);

        scheduler.finished("x", 1, null);
        assertFalse(scheduler.waitsBehind("t1"), "t1 started as x ended");
        assertEquals(new Placement.Behind(1, List.of("t2")), place("t3", after("t2")));
    }

    @Test
    void aTaskHandedBackNoLongerWaitsBehind() {
        sent("x", 1);
        place("t", after("x"));
        scheduler.sentTo("t", 1);
        scheduler.sentTo("t", -1);
        assertFalse(scheduler.waitsBehind("t"));
        scheduler.finished("x", 1, "ValueError: no");
        assertInstanceOf(Placement.Fail.class, place("t", after("x")), "it fails in cascade once placed again");
    }
}

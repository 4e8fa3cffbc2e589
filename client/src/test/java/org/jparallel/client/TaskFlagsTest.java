package org.jparallel.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskFlagsTest {
    private final ReplyStream stream = new ReplyStream();

    @Test
    void noFlagsSendNoMetadata() {
        assertTrue(TaskFlags.NONE.toMetadata().entrySet().isEmpty());
    }

    @Test
    void afterNamesTheRequestsOfTheResults() {
        AsyncResult<List<Object>> b = stream.result("apply", List.of(-1), ArrayList::new, false);
        AsyncResult<List<Object>> c = stream.result("apply", List.of(-1), ArrayList::new, false);
        TaskFlags flags = Parallel.after(b, c);
        assertEquals(List.of(new Dependency(List.of(b.msgIds().get(0), c.msgIds().get(0)), true, true, false)),
                flags.after());
        assertEquals(2, flags.toMetadata().getAsJsonArray("after").get(0).getAsJsonObject()
                .getAsJsonArray("msg_ids").size());
    }

    @Test
    void anyOnEitherTravelsAsItsFlags() {
        AsyncResult<List<Object>> b = stream.result("apply", List.of(-1), ArrayList::new, false);
        var json = Parallel.after(Parallel.any(b).onEither()).toMetadata().getAsJsonArray("after").get(0)
                .getAsJsonObject();
        assertEquals(false, json.get("all").getAsBoolean());
        assertEquals(true, json.get("success").getAsBoolean());
        assertEquals(true, json.get("failure").getAsBoolean());
    }

    @Test
    void withReturnsANewValueAndLeavesTheOldOne() {
        TaskFlags retried = TaskFlags.NONE.withRetries(2).withTimeout(Duration.ofMillis(1500)).withLabel("step");
        assertEquals(0, TaskFlags.NONE.retries());
        assertEquals(2, retried.toMetadata().get("retries").getAsInt());
        assertEquals(1.5, retried.toMetadata().get("timeout").getAsDouble());
        assertEquals("step", retried.toMetadata().get("label").getAsString());
    }

    @Test
    void targetsTravelAsTheEnginesATaskMayRunOn() {
        assertEquals("[0,2]", Parallel.targets(0, 2).toMetadata().get("lb_targets").toString());
    }

    @Test
    void otherFlagsKeepAViewsTargets() {
        LoadBalancedView lv = new LoadBalancedView(null, null, () -> 0, Parallel.targets(1));
        assertEquals(List.of(1), lv.withFlags(TaskFlags.NONE.withRetries(2)).targets());
        assertEquals(List.of(), lv.withFlags(Parallel.targets()).targets());
    }

    @Test
    void negativeRetriesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> TaskFlags.NONE.withRetries(-1));
    }

    @Test
    void withFlagsMakesANewViewAndLeavesThisOne() {
        LoadBalancedView lv = new LoadBalancedView(null, null, () -> 0, TaskFlags.NONE);
        LoadBalancedView retrying = lv.withFlags(TaskFlags.NONE.withRetries(3));
        assertNotSame(lv, retrying);
        assertSame(TaskFlags.NONE, lv.flags());
        assertEquals(3, retrying.flags().retries());
    }

    @Test
    void tempFlagsLastUntilTheScopeCloses() {
        LoadBalancedView lv = new LoadBalancedView(null, null, () -> 0, TaskFlags.NONE);
        try (TemporaryFlags scope = lv.tempFlags(TaskFlags.NONE.withLabel("inside"))) {
            assertEquals("inside", lv.flags().label());
        }
        assertSame(TaskFlags.NONE, lv.flags());
    }

    @Test
    void flagsGivenTogetherAreOneSetOfFlags() {
        AsyncResult<List<Object>> b = stream.result("apply", List.of(-1), ArrayList::new, false);
        LoadBalancedView lv = new LoadBalancedView(null, null, () -> 0, TaskFlags.NONE);
        TaskFlags flags = lv.withFlags(Parallel.after(b), Parallel.timeout(Duration.ofSeconds(30)), Parallel.retries(2),
                Parallel.label("step"), Parallel.require("org.example.Tool")).flags();
        assertEquals(List.of(Dependency.all(b)), flags.after());
        assertEquals(Duration.ofSeconds(30), flags.timeout());
        assertEquals(2, flags.retries());
        assertEquals("step", flags.label());
        assertEquals(List.of("org.example.Tool"), flags.requires());
    }

    @Test
    void aLaterFlagSetsWhatAnEarlierOneSet() {
        TaskFlags flags = Parallel.retries(1).and(Parallel.label("a")).and(Parallel.retries(4)).and(Parallel.label("b"));
        assertEquals(4, flags.retries());
        assertEquals("b", flags.label());
        assertEquals(4, flags.and(TaskFlags.NONE).retries());
    }

    @Test
    void tempFlagsTakeSeveralFlagsToo() {
        LoadBalancedView lv = new LoadBalancedView(null, null, () -> 0, TaskFlags.NONE);
        try (TemporaryFlags scope = lv.tempFlags(Parallel.retries(2), Parallel.label("inside"))) {
            assertEquals(2, lv.flags().retries());
            assertEquals("inside", lv.flags().label());
        }
        assertSame(TaskFlags.NONE, lv.flags());
    }

    @Test
    void anInnerTempFlagsKeepsTheOuterScopesOtherFlags() {
        LoadBalancedView lv = new LoadBalancedView(null, null, () -> 0, TaskFlags.NONE);
        try (TemporaryFlags outer = lv.tempFlags(Parallel.retries(1), Parallel.label("outer"))) {
            try (TemporaryFlags inner = lv.tempFlags(Parallel.timeout(3))) {
                assertEquals(1, lv.flags().retries());
                assertEquals("outer", lv.flags().label());
                assertEquals(Duration.ofSeconds(3), lv.flags().timeout());
            }
            assertEquals(Duration.ZERO, lv.flags().timeout());
        }
        assertSame(TaskFlags.NONE, lv.flags());
    }

    @Test
    void scopesClosedOutOfOrderLeaveTheOpenOnesFlagsThenTheViewsOwn() {
        LoadBalancedView lv = new LoadBalancedView(null, null, () -> 0, TaskFlags.NONE).withFlags(Parallel.label("base"));
        TemporaryFlags first = lv.tempFlags(Parallel.label("first"), Parallel.retries(1));
        TemporaryFlags second = lv.tempFlags(Parallel.label("second"));
        first.close();
        assertEquals("second", lv.flags().label());
        assertEquals(0, lv.flags().retries());
        second.close();
        assertEquals("base", lv.flags().label());
    }

    @Test
    void withFlagsChangesOnlyTheFlagsItGives() {
        LoadBalancedView lv = new LoadBalancedView(null, null, () -> 0, TaskFlags.NONE)
                .withFlags(Parallel.label("L2"), Parallel.retries(2));
        TaskFlags relabelled = lv.withFlags(Parallel.label("L3")).flags();
        assertEquals("L3", relabelled.label());
        assertEquals(2, relabelled.retries());
        assertEquals(0, lv.withFlags(Parallel.retries(0)).flags().retries(), "retries(0) takes retries away");
    }

    @Test
    void withFlagsReplacesTheDependenciesItGives() {
        AsyncResult<List<Object>> a = stream.result("apply", List.of(-1), ArrayList::new, false);
        AsyncResult<List<Object>> b = stream.result("apply", List.of(-1), ArrayList::new, false);
        LoadBalancedView lv = new LoadBalancedView(null, null, () -> 0, TaskFlags.NONE).withFlags(Parallel.after(a));
        assertEquals(List.of(Dependency.all(b)), lv.withFlags(Parallel.after(b)).flags().after());
    }

    @Test
    void aTimeoutInSecondsIsADuration() {
        assertEquals(Duration.ofMillis(2500), Parallel.timeout(2.5).timeout());
        assertEquals(Duration.ofSeconds(5), Parallel.timeout(5).timeout());
        assertThrows(IllegalArgumentException.class, () -> Parallel.timeout(-1));
        assertThrows(IllegalArgumentException.class, () -> Parallel.timeout(Double.NaN));
    }

    @Test
    void aTimeoutUnderAMillisecondIsStillATimeout() {
        assertEquals(0.0004, Parallel.timeout(0.0004).toMetadata().get("timeout").getAsDouble(), 1e-12);
        assertEquals("TaskFlags[timeout=1.0E-9s]", Parallel.timeout(Duration.ofNanos(1)).toString());
    }

    @Test
    void mapOptionsRefuseEmptyChunks() {
        assertThrows(IllegalArgumentException.class, () -> MapOptions.chunksize(0));
        assertEquals(new MapOptions(5, false), MapOptions.chunksize(5).unordered());
    }
}

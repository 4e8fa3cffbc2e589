package org.jparallel.client.it;

import static org.jparallel.client.Parallel.after;
import static org.jparallel.client.Parallel.all;
import static org.jparallel.client.Parallel.any;
import static org.jparallel.client.Parallel.depend;
import static org.jparallel.client.Parallel.follow;
import static org.jparallel.client.Parallel.require;
import static org.jparallel.client.Parallel.retries;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jparallel.client.AsyncResult;
import org.jparallel.client.Client;
import org.jparallel.client.ClusterException;
import org.jparallel.client.Dependency;
import org.jparallel.client.DependencyError;
import org.jparallel.client.DependencyTimeout;
import org.jparallel.client.ImpossibleDependency;
import org.jparallel.client.InvalidDependency;
import org.jparallel.client.LoadBalancedView;
import org.jparallel.client.Parallel;
import org.jparallel.client.RemoteError;
import org.jparallel.client.TaskFlags;
import org.jparallel.client.TaskMetadata;
import org.jparallel.client.TaskTimeout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Time, location and functional dependencies, retries and timeouts, on a two-engine leastload cluster. */
class DependencyTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    @RegisterExtension
    static final SharedCluster cluster = SharedCluster.engines(2);
    final Client rc = cluster.client();
    final LoadBalancedView lv = rc.loadBalancedView();
    final List<Long> pids = rc.all().applySync(() -> ProcessHandle.current().pid());

    private static Instant completed(AsyncResult<?> ar) {
        return ar.metadata().get(0).completed().orElseThrow();
    }

    @Test
    void aViewOfSomeEnginesRunsItsTasksOnThoseOnly() throws Exception {
        var onOne = rc.loadBalancedView(1);
        List<Long> ran = onOne.map(x -> ProcessHandle.current().pid(), Parallel.range(20)).get(WAIT);
        assertEquals(Set.of(pids.get(1)), Set.copyOf(ran));
        assertEquals(List.of(1), onOne.targets());
    }

    @Test
    void targetsStayThroughOtherFlags() throws Exception {
        var first = rc.loadBalancedView(0).applyAsync(() -> 1);
        long pid = rc.loadBalancedView(0).withFlags(after(first), retries(1))
                .applyAsync(() -> ProcessHandle.current().pid()).get(WAIT);
        assertEquals(pids.get(0), pid);
    }

    @Test
    void targetsOfEnginesThatAreGoneFailAtOnce() {
        var nowhere = lv.withFlags(Parallel.targets(7));
        var e = assertThrows(ImpossibleDependency.class, () -> nowhere.applyAsync(() -> 1).get(WAIT));
        assertTrue(e.getMessage().contains("the engines it may run on, [7], are gone"), e.getMessage());
    }

    @Test
    void aViewOfAnEngineThatIsNotThereIsRefused() {
        var e = assertThrows(ClusterException.class, () -> rc.loadBalancedView(0, 7));
        assertTrue(e.getMessage().contains("there is no engine 7"), e.getMessage());
    }

    @Test
    void theRecipesTaskStartsAfterBothTasksItWaitsFor() throws Exception {
        var arB = lv.applyAsync(() -> { Thread.sleep(300); return "B"; });
        var arC = lv.applyAsync(() -> { Thread.sleep(600); return "C"; });
        var arA = lv.withFlags(after(arB, arC)).applyAsync(() -> "A");
        assertEquals("A", arA.get(WAIT));
        TaskMetadata a = arA.metadata().get(0);
        assertFalse(a.started().orElseThrow().isBefore(completed(arB)), a + " vs " + arB.metadata());
        assertFalse(a.started().orElseThrow().isBefore(completed(arC)), a + " vs " + arC.metadata());
    }

    @Test
    void afterAnyStartsOnceOneTaskSucceeded() throws Exception {
        var fast = lv.applyAsync(() -> "fast");
        var slow = lv.applyAsync(() -> { Thread.sleep(1200); return "slow"; });
        var arA = lv.withFlags(after(any(fast, slow))).applyAsync(() -> "A");
        assertEquals("A", arA.get(WAIT));
        assertFalse(slow.ready(), "A waited for the slow task too");
        slow.get(WAIT);
    }

    @Test
    void onFailureRunsOnlyAfterAFailure() throws Exception {
        var fails = lv.applyAsync(() -> 1 / 0);
        var succeeds = lv.applyAsync(() -> 1);
        assertEquals("cleanup", lv.withFlags(after(all(fails).onFailure())).applyAsync(() -> "cleanup").get(WAIT));
        ImpossibleDependency e = assertThrows(ImpossibleDependency.class,
                () -> lv.withFlags(after(all(succeeds).onFailure())).applyAsync(() -> "never").get(WAIT));
        assertTrue(e.getMessage().contains("succeeded, and the dependency is on its failure"), e.getMessage());
    }

    @Test
    void onEitherRunsAfterAFailureToo() throws Exception {
        var fails = lv.applyAsync(() -> 1 / 0);
        assertEquals("report", lv.withFlags(after(all(fails).onEither())).applyAsync(() -> "report").get(WAIT));
    }

    @Test
    void followRunsWhereTheFollowedTaskRan() throws Exception {
        var first = lv.applyAsync(() -> ProcessHandle.current().pid());
        long pid = first.get(WAIT);
        for (int i = 0; i < 4; i++) {
            var next = lv.withFlags(follow(first)).applyAsync(() -> ProcessHandle.current().pid());
            assertEquals(pid, next.get(WAIT));
        }
    }

    @Test
    void aDependencyNotMetInTimeFailsWithDependencyTimeout() throws Exception {
        var slow = lv.applyAsync(() -> { Thread.sleep(2500); return 1; });
        long begin = System.nanoTime();
        var late = lv.withFlags(after(slow).withTimeout(Duration.ofMillis(300))).applyAsync(() -> 2);
        DependencyTimeout e = assertThrows(DependencyTimeout.class, () -> late.get(WAIT));
        assertTrue(System.nanoTime() - begin < 2_300_000_000L, "the timeout came after the slow task ended");
        assertTrue(e.getMessage().contains("longer timeout(...)"), e.getMessage());
        assertEquals(1, slow.get(WAIT));
    }

    @Test
    void aTaskNoEngineIsFreeForWithinItsTimeoutFailsWithTaskTimeout() throws Exception {
        java.nio.file.Path go = cluster.home().resolve("go-" + System.nanoTime());
        String goFile = go.toString();
        List<AsyncResult<Integer>> busy = List.of(1, 2).stream().map(i -> lv.applyAsync(() -> {
            while (!java.nio.file.Files.exists(java.nio.file.Path.of(goFile))) {
                Thread.sleep(10);
            }
            return i;
        })).toList();
        try {
            var quick = lv.withFlags(Parallel.timeout(0.3)).applyAsync(() -> "ran");
            TaskTimeout e = assertThrows(TaskTimeout.class, () -> quick.get(WAIT));
            assertTrue(e.getMessage().contains("no engine was free"), e.getMessage());
        } finally {
            java.nio.file.Files.createFile(go);
        }
        for (AsyncResult<Integer> task : busy) {
            task.get(WAIT);
        }
    }

    @Test
    void aTaskAfterAFailedOneFailsAtOnceNamingTheUpstreamError() {
        var fails = lv.applyAsync(() -> 1 / 0);
        var arA = lv.withFlags(after(fails)).applyAsync(() -> "A");
        var arZ = lv.withFlags(after(arA)).applyAsync(() -> "Z");
        ImpossibleDependency a = assertThrows(ImpossibleDependency.class, () -> arA.get(WAIT));
        assertTrue(a.getMessage().contains("java.lang.ArithmeticException: / by zero"), a.getMessage());
        DependencyError z = assertThrows(DependencyError.class, () -> arZ.get(WAIT));
        assertTrue(z instanceof ImpossibleDependency, z.toString());
        assertTrue(z.getMessage().contains("ImpossibleDependency") && z.getMessage().contains("/ by zero"),
                z.getMessage());
    }

    @Test
    void aDependencyOnAnUnknownTaskIsInvalid() {
        var unknown = new Dependency(List.of("no-such-task"), true, true, false);
        InvalidDependency e = assertThrows(InvalidDependency.class,
                () -> lv.withFlags(after(unknown)).applyAsync(() -> 1).get(WAIT));
        assertTrue(e.getMessage().contains("no-such-task"), e.getMessage());
    }

    @Test
    void aRequiredClassNoEngineHasIsImpossible() {
        ImpossibleDependency e = assertThrows(ImpossibleDependency.class,
                () -> lv.withFlags(require("com.example.Nowhere")).applyAsync(() -> 1).get(WAIT));
        assertTrue(e.getMessage().contains("com.example.Nowhere") && e.getMessage().contains("engines [0, 1]"),
                e.getMessage());
    }

    @Test
    void aRequiredClassAndResourceTheEnginesHaveRun() throws Exception {
        assertEquals(7, lv.withFlags(require("org.jparallel.engine.Engine", "org/jparallel/client/Fn0.class"))
                .applyAsync(() -> 7).get(WAIT));
    }

    @Test
    void aDependPredicateSendsTheTaskToTheEngineWhereItHolds() throws Exception {
        long wanted = pids.get(1);
        for (int i = 0; i < 3; i++) {
            assertEquals(wanted, lv.withFlags(depend(() -> ProcessHandle.current().pid() == wanted))
                    .applyAsync(() -> ProcessHandle.current().pid()).get(WAIT));
        }
    }

    @Test
    void aDependPredicateNoEngineMeetsIsImpossibleAndNamed() {
        ImpossibleDependency e = assertThrows(ImpossibleDependency.class,
                () -> lv.withFlags(depend("64 cores", () -> Runtime.getRuntime().availableProcessors() >= 64))
                        .applyAsync(() -> 1).get(WAIT));
        assertTrue(e.getMessage().contains("'64 cores' is false"), e.getMessage());
    }

    @Test
    void aFailedTaskIsRetriedOnAnotherEngine() throws Exception {
        long first = pids.get(0);
        // leastload sends it to engine 0 first (the lowest id among idle engines), where it fails once
        var ar = lv.withFlags(TaskFlags.NONE.withRetries(1)).applyAsync(() -> {
            if (ProcessHandle.current().pid() == first) {
                throw new IllegalStateException("not on engine 0");
            }
            return ProcessHandle.current().pid();
        });
        assertEquals(pids.get(1), ar.get(WAIT));
        var noRetry = lv.applyAsync(() -> {
            if (ProcessHandle.current().pid() == first) {
                throw new IllegalStateException("not on engine 0");
            }
            return 0L;
        });
        RemoteError e = assertThrows(RemoteError.class, () -> noRetry.get(WAIT));
        assertEquals("java.lang.IllegalStateException", e.remoteClassName());
    }

    @Test
    void aTaskThatAlwaysFailsEndsWithItsLastErrorOnceItsRetriesAreSpent() throws Exception {
        // Three runs on two engines: at least one goes back to an engine that ran it before.
        var ar = lv.withFlags(TaskFlags.NONE.withRetries(2)).applyAsync(() -> {
            throw new IllegalStateException("always");
        });
        RemoteError e = assertThrows(RemoteError.class, () -> ar.get(WAIT));
        assertEquals("always", e.remoteMessage());
        var spread = lv.map(x -> {
            Thread.sleep(300);
            return x;
        }, List.of(1, 2, 3, 4));
        spread.get(WAIT);
        assertEquals(Set.of(0, 1), Set.copyOf(spread.engineIds()), "both engines serve load-balanced tasks on");
    }

    @Test
    void aFollowingTaskIsRetriedOnTheEngineItFollows() throws Exception {
        var first = lv.applyAsync(() -> ProcessHandle.current().pid());
        long pid = first.get(WAIT);
        String flag = "jparallel-retry-" + System.nanoTime();
        var ar = lv.withFlags(follow(first), TaskFlags.NONE.withRetries(1)).applyAsync(() -> {
            if (System.getProperty(flag) == null) {
                System.setProperty(flag, "failed once");
                throw new IllegalStateException("first run fails");
            }
            return ProcessHandle.current().pid();
        });
        assertEquals(pid, ar.get(WAIT));
    }

    @Test
    void tempFlagsApplyInsideTheBlockOnly() throws Exception {
        var first = lv.applyAsync(() -> ProcessHandle.current().pid());
        long pid = first.get(WAIT);
        try (var scope = lv.tempFlags(follow(first))) {
            assertEquals(pid, lv.applyAsync(() -> ProcessHandle.current().pid()).get(WAIT));
        }
        assertEquals(TaskFlags.NONE, lv.flags());
    }

    @Test
    void theRecipeChainRunsFromJShellCells() {
        try (KernelSession cells = new KernelSession(cluster.clientFile())) {
            cells.eval("String stepB() throws Exception { Thread.sleep(200); return \"B@\" + System.nanoTime(); }");
            cells.eval("String stepC() throws Exception { Thread.sleep(400); return \"C@\" + System.nanoTime(); }");
            cells.eval("String stepA() { return \"A ran after B and C\"; }");
            cells.eval("var lv = rc.loadBalancedView();");
            cells.eval("var arB = lv.applyAsync(() -> stepB());");
            cells.eval("var arC = lv.applyAsync(() -> stepC());");
            cells.eval("var arA = lv.withFlags(after(arB, arC)).applyAsync(() -> stepA());");
            assertEquals("A ran after B and C", cells.eval("arA.get()"));
            assertEquals(true, cells.eval("!arA.metadata().get(0).started().get()"
                    + ".isBefore(arC.metadata().get(0).completed().get())"
                    + " && !arA.metadata().get(0).started().get().isBefore(arB.metadata().get(0).completed().get())"));
        }
    }
}

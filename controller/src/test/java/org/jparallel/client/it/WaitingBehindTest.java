package org.jparallel.client.it;

import static org.jparallel.client.Parallel.after;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jparallel.client.AsyncResult;
import org.jparallel.client.Client;
import org.jparallel.client.EngineError;
import org.jparallel.client.ImpossibleDependency;
import org.jparallel.client.LoadBalancedView;
import org.jparallel.client.TaskFlags;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task that waits only for tasks sent to one engine waits on that engine and starts there as they end; when
 * that engine dies first, it fails or runs elsewhere as any dependent would.
 */
class WaitingBehindTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    @TempDir
    Path home;
    ItCluster cluster;
    Client rc;
    LoadBalancedView lv;
    List<Long> pids;

    @BeforeEach
    void start() {
        cluster = new ItCluster(home, 2);
        rc = cluster.connect();
        lv = rc.loadBalancedView();
        pids = rc.all().applySync(() -> ProcessHandle.current().pid());
    }

    @AfterEach
    void stop() throws Exception {
        ItCluster.close(rc, cluster);
    }

    /** Engine 0 busy for a moment, so that the next load-balanced task goes to engine 1. */
    private AsyncResult<Long> onEngine1(long millis, TaskFlags flags) throws Exception {
        rc.engine(0).apply(() -> { Thread.sleep(200); return 0; });
        Thread.sleep(50);
        AsyncResult<Long> ar = lv.withFlags(flags).applyAsync(() -> {
            Thread.sleep(millis);
            return ProcessHandle.current().pid();
        });
        Thread.sleep(100);
        return ar;
    }

    @Test
    void aTaskAfterAnotherStartsOnItsEngineAheadOfRequestsSentThereLater() throws Exception {
        AsyncResult<Long> first = onEngine1(800, TaskFlags.NONE);
        AsyncResult<Long> next = lv.withFlags(after(first)).applyAsync(() -> ProcessHandle.current().pid());
        Thread.sleep(100);
        AsyncResult<Integer> later = rc.engine(1).apply(() -> { Thread.sleep(300); return 1; });
        assertEquals(pids.get(1), first.get(WAIT));
        assertEquals(pids.get(1), next.get(WAIT), "it waited on engine 1, not in the controller until engine 0 was free");
        assertEquals(1, later.get(WAIT));
        Instant firstEnded = first.metadata().get(0).completed().orElseThrow();
        Instant nextStarted = next.metadata().get(0).started().orElseThrow();
        Instant nextEnded = next.metadata().get(0).completed().orElseThrow();
        assertFalse(nextStarted.isBefore(firstEnded), next.metadata() + " vs " + first.metadata());
        assertFalse(later.metadata().get(0).started().orElseThrow().isBefore(nextEnded), later.metadata() + " vs "
                + next.metadata());
    }

    @Test
    void tasksWaitingOnAnEngineThatDiesFailInCascade() throws Exception {
        AsyncResult<Long> first = onEngine1(30_000, TaskFlags.NONE);
        AsyncResult<Long> second = lv.withFlags(after(first)).applyAsync(() -> ProcessHandle.current().pid());
        AsyncResult<Long> third = lv.withFlags(after(second)).applyAsync(() -> ProcessHandle.current().pid());
        Thread.sleep(300);
        assertTrue(ProcessHandle.of(pids.get(1)).orElseThrow().destroyForcibly());
        assertThrows(EngineError.class, () -> first.get(WAIT));
        ImpossibleDependency e = assertThrows(ImpossibleDependency.class, () -> second.get(WAIT));
        assertTrue(e.getMessage().contains("EngineError"), e.getMessage());
        assertThrows(ImpossibleDependency.class, () -> third.get(WAIT));
    }

    @Test
    void tasksWaitingOnAnEngineThatDiesRunAfterTheRetryElsewhere() throws Exception {
        AsyncResult<Long> first = onEngine1(1500, TaskFlags.NONE.withRetries(1));
        AsyncResult<Long> second = lv.withFlags(after(first)).applyAsync(() -> ProcessHandle.current().pid());
        Thread.sleep(300);
        assertTrue(ProcessHandle.of(pids.get(1)).orElseThrow().destroyForcibly());
        assertEquals(pids.get(0), first.get(WAIT));
        assertEquals(pids.get(0), second.get(WAIT));
    }
}

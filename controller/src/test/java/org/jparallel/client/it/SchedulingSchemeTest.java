package org.jparallel.client.it;

import static org.jparallel.client.Parallel.range;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jparallel.client.AsyncResult;
import org.jparallel.client.Client;
import org.jparallel.controller.launch.ClusterOptions;
import org.jparallel.controller.launch.ClusterStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Clusters started with other schemes and high-water marks place tasks as those say. */
class SchedulingSchemeTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    @TempDir
    Path home;
    ItCluster cluster;
    Client rc;

    @AfterEach
    void stop() throws Exception {
        ItCluster.close(rc, cluster);
    }

    private void start(String scheme, int hwm) {
        cluster = new ItCluster(home, 3, ClusterOptions.defaults().withScheme(scheme).withHighWaterMark(hwm));
        rc = cluster.connect();
    }

    private static int engineOf(AsyncResult<?> ar) throws Exception {
        ar.get(WAIT);
        return ar.metadata().get(0).engineId();
    }

    @Test
    void lruTakesTurnsAndHwmZeroQueuesOnABusyEngine() throws Exception {
        start("lru", 0);
        ClusterStatus status = cluster.launcher().list().get(0);
        assertEquals(List.of("lru", 0), List.of(status.scheme(), status.highWaterMark()));
        var lv = rc.loadBalancedView();
        List<AsyncResult<Long>> tasks = new ArrayList<>();
        tasks.add(lv.applyAsync(() -> { Thread.sleep(1500); return 0L; }));
        for (int i = 0; i < 5; i++) {
            tasks.add(lv.applyAsync(() -> 1L));
        }
        List<Integer> engines = new ArrayList<>();
        for (AsyncResult<Long> ar : tasks) {
            engines.add(engineOf(ar));
        }
        assertEquals(List.of(0, 1, 2, 0, 1, 2), engines);
        // with no high-water mark, engine 0 took task 3 while task 0 still ran there
        assertFalse(tasks.get(3).metadata().get(0).started().orElseThrow()
                .isBefore(tasks.get(0).metadata().get(0).completed().orElseThrow()));
    }

    @Test
    void plainRandomUsesEveryEngineOverFortyTasks() throws Exception {
        start("plainrandom", 0);
        assertEquals("plainrandom", cluster.launcher().list().get(0).scheme());
        var ar = rc.loadBalancedView().map(x -> ProcessHandle.current().pid(), range(40));
        Set<Long> pids = new TreeSet<>(ar.get(WAIT));
        assertEquals(3, pids.size(), pids.toString());
    }
}

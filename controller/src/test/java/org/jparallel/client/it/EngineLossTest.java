package org.jparallel.client.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jparallel.client.AsyncResult;
import org.jparallel.client.Client;
import org.jparallel.client.EngineError;
import org.jparallel.client.NoClusterException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Engines that die, engines that join, and a cluster shut down from the client. */
class EngineLossTest {
    @TempDir
    Path home;
    ItCluster cluster;
    Client rc;

    @AfterEach
    void stop() throws Exception {
        ItCluster.close(rc, cluster);
    }

    @Test
    void anEngineKilledMidTaskFailsItWithEngineErrorAndLeavesTheView() throws Exception {
        cluster = new ItCluster(home, 2);
        rc = cluster.connect();
        long pid = rc.engine(1).applySync(() -> ProcessHandle.current().pid());
        AsyncResult<Integer> ar = rc.engine(1).apply(() -> { Thread.sleep(30_000); return 1; });
        Thread.sleep(500);
        assertTrue(ProcessHandle.of(pid).orElseThrow().destroyForcibly()); // SIGKILL, as kill -9
        EngineError e = assertThrows(EngineError.class, () -> ar.get(Duration.ofSeconds(20)));
        assertEquals(1, e.engineId());
        assertTrue(e.getMessage().contains("engine 1 died"), e.getMessage());
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (rc.ids().contains(1) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(List.of(0), rc.ids());
        assertEquals(List.of(0), rc.all().targets());
    }

    @Test
    void allIncludesEnginesThatRegisterLater() throws Exception {
        cluster = new ItCluster(home, 1);
        rc = cluster.connect();
        var all = rc.all();
        cluster.launcher().addEngines(ItCluster.PROFILE, 1, Duration.ofSeconds(60));
        cluster.remember();
        rc.waitForEngines(2, Duration.ofSeconds(30));
        assertEquals(List.of(0, 1), all.targets());
        List<String> pids = all.executeSync("ProcessHandle.current().pid()").stream().map(r -> r.text()).toList();
        assertEquals(2, pids.stream().distinct().count(), pids.toString());
    }

    @Test
    void shutdownStopsEnginesAndController() {
        cluster = new ItCluster(home, 2);
        rc = cluster.connect();
        rc.shutdown();
        NoClusterException e = assertThrows(NoClusterException.class, () -> Client.connect(cluster.clientFile()));
        assertTrue(e.getMessage().startsWith("no cluster is running for profile 'it'"), e.getMessage());
        assertFalse(ProcessHandle.current().descendants().anyMatch(ProcessHandle::isAlive),
                "a process this test started outlived the shutdown");
    }
}

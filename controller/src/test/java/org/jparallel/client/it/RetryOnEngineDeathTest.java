package org.jparallel.client.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jparallel.client.Client;
import org.jparallel.client.TaskFlags;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A task with retries whose engine is killed while it runs succeeds on another engine. */
class RetryOnEngineDeathTest {
    @TempDir
    Path home;
    ItCluster cluster;
    Client rc;

    @AfterEach
    void stop() throws Exception {
        ItCluster.close(rc, cluster);
    }

    @Test
    void aTaskWhoseEngineIsKilledRunsAgainElsewhere() throws Exception {
        cluster = new ItCluster(home, 2);
        rc = cluster.connect();
        List<Long> pids = rc.all().applySync(() -> ProcessHandle.current().pid());
        var ar = rc.loadBalancedView().withFlags(TaskFlags.NONE.withRetries(1)).applyAsync(() -> {
            Thread.sleep(1500);
            return ProcessHandle.current().pid();
        });
        Thread.sleep(700); // the task is running on engine 0, the lowest id among idle engines
        assertTrue(ProcessHandle.of(pids.get(0)).orElseThrow().destroyForcibly());
        long ranOn = ar.get(Duration.ofSeconds(20));
        assertEquals(pids.get(1), ranOn);
        assertNotEquals(pids.get(0), ranOn);
        assertEquals(1, ar.metadata().get(0).engineId());
    }
}

package org.jparallel.client.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import org.jparallel.client.Client;
import org.jparallel.client.Fn0;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * While an engine works, G1 collects at least every 500 ms: an engine busy with big arrays fills no eden, and
 * without that went seconds without a collection, growing its heap on fresh memory for every array. Once the
 * engine is idle, it costs no collections.
 */
class EngineHeapTest {
    private static final Fn0<String> PERIODIC_COLLECTION = () -> ManagementFactory
            .getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption("G1PeriodicGCInterval").getValue();
    private static final Fn0<Long> WORK_A_SECOND = () -> {
        long end = System.nanoTime() + 1_200_000_000L;
        long spins = 0;
        while (System.nanoTime() < end) {
            spins++;
        }
        return spins;
    };
    @TempDir
    Path home;

    @Test
    void g1CollectsPeriodicallyWhileTheEngineWorksAndNotOnceItIsIdle() throws Exception {
        try (ItCluster cluster = new ItCluster(home, 1); Client rc = cluster.connectReady()) {
            rc.engine(0).applySync(WORK_A_SECOND);
            assertEquals("500", rc.engine(0).applySync(PERIODIC_COLLECTION));

            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            String interval = rc.engine(0).applySync(PERIODIC_COLLECTION);
            while (!interval.equals("0") && System.nanoTime() < deadline) {
                Thread.sleep(250);
                interval = rc.engine(0).applySync(PERIODIC_COLLECTION);
            }
            assertEquals("0", interval);
        }
    }
}

package org.jparallel.client.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.jparallel.client.Client;
import org.jparallel.client.Fn0;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * G1's periodic collection is an engine's tool against a heap that grows without collections (big arrays and
 * nothing else): it is off while the engine does ordinary work, and off again once it is idle.
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
    void ordinaryWorkAndIdlenessLeaveG1sPeriodicCollectionOff() throws Exception {
        try (ItCluster cluster = new ItCluster(home, 1); Client rc = cluster.connectReady()) {
            rc.engine(0).applySync(WORK_A_SECOND);
            assertEquals("0", rc.engine(0).applySync(PERIODIC_COLLECTION));
            Thread.sleep(2000);
            assertEquals("0", rc.engine(0).applySync(PERIODIC_COLLECTION));
        }
    }
}

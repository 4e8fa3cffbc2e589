package org.jparallel.client.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jparallel.client.Client;
import org.jparallel.client.EngineError;
import org.jparallel.client.RemoteError;
import org.jparallel.client.Fn0;
import org.jparallel.controller.launch.ClusterOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An engine's heap: running out of it fails a request, not the engine; and G1's periodic collection, an engine's tool
 * against a heap that grows without collections (big arrays and nothing else), is off while the engine does ordinary
 * work, and off again once it is idle.
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
    void printingMoreThanTheHeapHoldsGoesOutInPiecesAndAValueTooBigFailsItsRequestOnly() throws Exception {
        var options = ClusterOptions.defaults().withEngineJvmOptions(List.of("-Xmx64m"));
        try (ItCluster cluster = new ItCluster(home, 1, options); Client rc = cluster.connectReady()) {
            var printed = rc.engine(0).execute("String s = \"x\".repeat(12_000_000); System.out.print(s); s = null;");
            printed.get(Duration.ofSeconds(60));
            assertEquals(12_000_000, printed.stdout().get(0).length());
            var shown = rc.engine(0).execute("\"y\".repeat(30_000_000)");
            var failure = assertThrows(RemoteError.class, () -> shown.get(Duration.ofSeconds(60)));
            assertTrue(failure.getMessage().contains("OutOfMemoryError"), failure.getMessage());
            assertEquals(7, rc.engine(0).applySync(() -> 7));
            rc.engine(0).executeSync("int stillServing = 1;");
        }
    }

    @Test
    void aRequestTooBigForTheEnginesHeapFailsWithEngineErrorInsteadOfHanging() throws Exception {
        var options = ClusterOptions.defaults().withEngineJvmOptions(List.of("-Xmx64m"));
        try (ItCluster cluster = new ItCluster(home, 1, options); Client rc = cluster.connectReady()) {
            double[] big = new double[20_000_000];
            var captured = rc.engine(0).applyAsync(() -> big.length);
            var failure = assertThrows(RuntimeException.class, () -> captured.get(Duration.ofSeconds(60)));
            assertTrue(failure instanceof EngineError || failure.getMessage().contains("OutOfMemoryError"),
                    failure.toString());
        }
    }

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

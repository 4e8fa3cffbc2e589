package org.jparallel.client.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jparallel.client.AsyncResult;
import org.jparallel.client.Client;
import org.jparallel.client.ExecuteReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An engine whose code an interrupt cannot reach says so to the next request, instead of keeping it waiting mute. */
class StuckEngineTest {
    @TempDir
    Path home;

    @Test
    void aRequestBehindAnInterruptedTaskThatRunsOnIsToldWhy() throws Exception {
        try (ItCluster cluster = new ItCluster(home, 1); Client rc = cluster.connectReady()) {
            AsyncResult<ExecuteReply> accepting = rc.engine(0).execute("var server = new java.net.ServerSocket(0);"
                    + " System.out.println(\"accepting\"); server.accept();");
            long started = System.nanoTime() + 60_000_000_000L;
            while (!accepting.stdout().get(0).contains("accepting") && System.nanoTime() < started) {
                Thread.sleep(50); // a cancel while the engine still opens its session would stop the cell before it ran
            }
            assertFalse(accepting.waitFor(Duration.ofSeconds(1)), "accept() should still wait for a connection");
            accepting.cancel(true);
            Thread.sleep(2500);
            AsyncResult<ExecuteReply> next = rc.engine(0).execute("int after = 1;");
            long deadline = System.nanoTime() + 20_000_000_000L;
            List<String> said = next.stderr();
            while (said.get(0).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
                said = next.stderr();
            }
            assertTrue(said.get(0).contains("engine 0 still runs a request that was interrupted"), said.toString());
            assertFalse(next.ready(), "the engine cannot run it while accept() waits");
        }
    }
}

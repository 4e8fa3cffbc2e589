package org.jparallel.client.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.LongPredicate;
import org.jparallel.client.AsyncResult;
import org.jparallel.client.Client;
import org.jparallel.client.Fn0;
import org.jparallel.client.QueueStatus;
import org.jparallel.client.RemoteError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An engine keeps the value of an apply result while a client's {@link AsyncResult} may still pass it on; the
 * client releases it once that object is garbage. Big values dropped in a loop must not pile up on the engine
 * while the client's JVM has no reason of its own to collect its garbage.
 */
class KeptResultsTest {
    private static final Fn0<double[]> EIGHT_MB = () -> new double[1_000_000];
    @RegisterExtension
    static final SharedCluster cluster = SharedCluster.engines(1).withSessionsOpen();
    final Client rc = cluster.client();

    @Test
    void queueStatusShowsTheResultsAnEngineKeeps() {
        QueueStatus.Engine before = rc.queueStatus().engines().get(0);
        AsyncResult<double[]> kept = rc.engine(0).apply(EIGHT_MB);
        assertTrue(kept.waitFor(Duration.ofSeconds(30)));

        QueueStatus.Engine after = rc.queueStatus().engines().get(0);

        assertEquals(before.held() + 1, after.held());
        assertTrue(after.heldBytes() - before.heldBytes() >= 8_000_000, after.toString());
        Reference.reachabilityFence(kept);
    }

    @Test
    void aBigResultItsClientReleasedIsGoneWithAMessageThatSaysWhy() throws Exception {
        String id;
        try (Client first = cluster.connect()) {
            AsyncResult<double[]> big = first.loadBalancedView().apply(EIGHT_MB);
            assertEquals(1_000_000, big.get(Duration.ofSeconds(30)).length);
            id = big.msgIds().get(0);
        }
        RemoteError e = assertThrows(RemoteError.class, () -> rc.getResult(id).get(Duration.ofSeconds(30)));
        assertEquals("NoSuchValue", e.remoteClassName());
        assertTrue(e.getMessage().contains("a value over 1 MiB stays on the engine that made it, not in the task"
                + " records"), e.getMessage());
    }

    @Test
    void bigResultsDroppedInALoopDoNotPileUpOnTheEngine() throws Exception {
        // 640 MB of results, each dropped at once; the loop itself allocates too little to need a collection
        for (int i = 0; i < 80; i++) {
            assertTrue(rc.engine(0).apply(EIGHT_MB).waitFor(Duration.ofSeconds(30)));
        }
        long held = heldOnEngine0Within(Duration.ofSeconds(20), bytes -> bytes < 320_000_000);
        assertTrue(held < 320_000_000, "engine 0 still keeps " + held + " bytes of dropped results");
    }

    @Test
    void aProgramThatExitsWithoutClosingItsClientReleasesWhatTheEnginesKeptForIt(@TempDir Path sources)
            throws Exception {
        long before = rc.queueStatus().engines().get(0).heldBytes();
        Path program = Files.writeString(sources.resolve("Leaves.java"), """
                import java.nio.file.Path;
                import java.time.Duration;
                import org.jparallel.client.*;

                public class Leaves {
                    public static void main(String[] args) {
                        Client rc = Client.connect(Path.of(args[0]));
                        AsyncResult<double[]> unread = rc.engine(0).apply(() -> new double[1_000_000]);
                        System.out.println(unread.waitFor(Duration.ofSeconds(30)) ? "kept" : "late");
                        System.exit(0);
                    }
                }
                """);

        assertEquals(List.of("kept"), JavaProgram.run(sources.resolve("output.txt"),
                "-cp", System.getProperty("java.class.path"), program.toString(), cluster.clientFile().toString()));

        long held = heldOnEngine0Within(Duration.ofSeconds(20), bytes -> bytes < before + 8_000_000);
        assertTrue(held < before + 8_000_000, "engine 0 still keeps the 8 MB result of a client that exited");
    }

    @Test
    void aClientKilledWithUnreadResultsLeavesNothingKeptOnTheEngines(@TempDir Path sources) throws Exception {
        long before = rc.queueStatus().engines().get(0).heldBytes();
        Path program = Files.writeString(sources.resolve("Killed.java"), """
                import java.nio.file.Path;
                import java.time.Duration;
                import org.jparallel.client.*;

                public class Killed {
                    public static void main(String[] args) throws Exception {
                        Client rc = Client.connect(Path.of(args[0]));
                        AsyncResult<double[]> unread = rc.engine(0).apply(() -> new double[1_000_000]);
                        System.out.println(unread.waitFor(Duration.ofSeconds(30)) ? "kept" : "late");
                        Thread.sleep(600_000);
                    }
                }
                """);
        Process killed = JavaProgram.start("-cp", System.getProperty("java.class.path"), program.toString(),
                cluster.clientFile().toString());
        try (var output = new BufferedReader(new InputStreamReader(killed.getInputStream()))) {
            assertEquals("kept", output.readLine());
            assertTrue(rc.queueStatus().engines().get(0).heldBytes() >= before + 8_000_000);

            killed.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook runs
        } finally {
            killed.destroyForcibly().waitFor();
        }

        long held = heldOnEngine0Within(Duration.ofSeconds(20), bytes -> bytes < before + 8_000_000);
        assertTrue(held < before + 8_000_000, "engine 0 still keeps the 8 MB result of a client that was killed");
    }

    /** The bytes engine 0 keeps, once {@code enough} holds of them or {@code patience} has passed. */
    private long heldOnEngine0Within(Duration patience, LongPredicate enough) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        long held = rc.queueStatus().engines().get(0).heldBytes();
        while (!enough.test(held) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            held = rc.queueStatus().engines().get(0).heldBytes();
        }
        return held;
    }
}

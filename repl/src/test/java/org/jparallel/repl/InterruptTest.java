package org.jparallel.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.jparallel.repl.CellOutcome.Interrupted;
import org.jparallel.repl.CellOutcome.Success;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InterruptTest {

    /** As the kernel evaluates cells: on a thread of their own, not a thread of the pool the cells may use. */
    private static final Executor ON_ITS_OWN_THREAD = task -> new Thread(task, "evaluating").start();

    private final JavaSession session = JavaSession.open(SessionOptions.defaults());

    @AfterAll
    void close() {
        session.close();
    }

    /** Starts the cell, stops it half a second later, and expects it to end within a second of the stop. */
    private CellOutcome stopped(String cell) {
        return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            CompletableFuture<CellOutcome> running = CompletableFuture.supplyAsync(() -> session.eval(cell),
                    ON_ITS_OWN_THREAD);
            Thread.sleep(500);
            long stoppedAt = System.nanoTime();
            session.stop();
            CellOutcome outcome = running.get(5, TimeUnit.SECONDS);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stoppedAt);
            assertEquals(true, millis < 1000, "stopped after " + millis + " ms");
            return outcome;
        });
    }

    private void assertSessionStillWorks() {
        CellOutcome outcome = session.eval("kept + 1");
        assertEquals(42, assertInstanceOf(Success.class, outcome, outcome::toString).value().orElseThrow().object());
    }

    @Test
    void stopEndsABusyLoopAndKeepsTheState() {
        session.eval("int kept = 41;");
        assertInstanceOf(Interrupted.class, stopped("kept = 41; while (true) { }"));
        assertSessionStillWorks();
    }

    @Test
    void stopEndsTheCellsLambdaOnAThreadAnEarlierCellMade() throws Exception {
        session.eval("int kept = 41;");
        session.eval("var pool = java.util.concurrent.Executors.newFixedThreadPool(1);");
        session.eval("pool.submit(() -> 1).get();"); // its thread now exists, in that cell's thread group
        assertInstanceOf(Interrupted.class, stopped("pool.submit(() -> { while (true) { } }).get();"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (runningSnippetCode() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(false, runningSnippetCode(), "the pool's thread still runs the stopped cell's lambda");
        assertSessionStillWorks();
    }

    @Test
    void stopEndsAParallelStreamOnThePoolsThreadsToo() throws Exception {
        session.eval("int kept = 41;");
        assertInstanceOf(Interrupted.class,
                stopped("java.util.stream.LongStream.range(0, Long.MAX_VALUE).parallel().map(x -> x * 31 % 7).sum()"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!ForkJoinPool.commonPool().isQuiescent() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(true, ForkJoinPool.commonPool().isQuiescent(), "the stream's workers still run its lambda");
        assertSessionStillWorks();
    }

    private static boolean runningSnippetCode() {
        return Thread.getAllStackTraces().values().stream().flatMap(java.util.Arrays::stream)
                .anyMatch(frame -> frame.getClassName().startsWith("REPL."));
    }

    @Test
    void stopEndsASleep() {
        session.eval("int kept = 41;");
        assertInstanceOf(Interrupted.class, stopped("Thread.sleep(60000);"));
        assertSessionStillWorks();
    }

    @Test
    void stopEndsAWait() {
        session.eval("int kept = 41; Object lock = new Object();");
        assertInstanceOf(Interrupted.class, stopped("synchronized (lock) { lock.wait(); }"));
        assertSessionStillWorks();
    }

    @Test
    void snippetsAfterTheStoppedOneDoNotRun() {
        session.eval("int kept = 41;");
        assertInstanceOf(Interrupted.class, stopped("while (true) { } kept = 0;"));
        assertSessionStillWorks();
    }

    /** As the kernel's first cell waits for the session's warm-up: a stop then is meant for the cell. */
    @Test
    void aStopWhileTheCellWaitsForTheShellStopsTheCell() {
        session.eval("int kept = 41;");
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            CompletableFuture<CellOutcome> holding = CompletableFuture.supplyAsync(
                    () -> session.eval("Thread.sleep(1500);"), ON_ITS_OWN_THREAD);
            Thread.sleep(300);
            CompletableFuture<CellOutcome> waiting = CompletableFuture.supplyAsync(
                    () -> session.eval("while (true) { }"), ON_ITS_OWN_THREAD);
            Thread.sleep(300);
            session.stop();
            holding.get(5, TimeUnit.SECONDS);
            assertInstanceOf(CellOutcome.Interrupted.class, waiting.get(5, TimeUnit.SECONDS));
        });
        assertSessionStillWorks();
    }

    @Test
    void stopWhileIdleDoesNotAffectTheNextCell() {
        session.eval("int kept = 41;");
        session.stop();
        assertSessionStillWorks();
    }
}

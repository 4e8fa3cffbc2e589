package org.jparallel.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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

    /** From JDK 20 no stop ends a cell waiting where the JDK ignores interrupts: the notice names that call. */
    @Test
    @SuppressWarnings("unchecked")
    void aCellStillWaitingInAJoinAfterAStopIsToldWhichCallItWaitsIn() throws Exception {
        assumeTrue(Runtime.version().feature() >= 20, "before JDK 20, Thread.stop ends the join too");
        session.eval("var joined = new java.util.concurrent.CompletableFuture<Integer>();"
                + " System.getProperties().put(\"jparallel.test.joined\", joined);");
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            CompletableFuture<CellOutcome> running = CompletableFuture.supplyAsync(() -> session.eval("joined.join()"),
                    ON_ITS_OWN_THREAD);
            CompletableFuture<Integer> joined =
                    (CompletableFuture<Integer>) System.getProperties().get("jparallel.test.joined");
            while (joined.getNumberOfDependents() == 0) {
                Thread.sleep(10); // not stopped while javac still compiles the cell, which a stop would end
            }
            session.stop();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!err.toString(StandardCharsets.UTF_8).contains("still runs") && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            System.getProperties().remove("jparallel.test.joined");
            joined.complete(1);
            running.get(20, TimeUnit.SECONDS);
        } finally {
            System.setErr(original);
        }
        String said = err.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("still runs after the interrupt, in java.util.concurrent.CompletableFuture.join,"
                + " called by the cell"), said);
    }

    @Test
    void whereAStoppedCellRunsIsTheJarsFrameOrTheJdkCallTheCellMade() {
        StackTraceElement park = new StackTraceElement("jdk.internal.misc.Unsafe", "park", null, -2);
        StackTraceElement join = new StackTraceElement("java.util.concurrent.CompletableFuture", "join", null, 2117);
        StackTraceElement cell = new StackTraceElement("REPL.$JShell$33", "do_it$", "$JShell$33.java", 8);
        StackTraceElement jar = new StackTraceElement("com.example.Spin", "run", "Spin.java", 3);

        assertEquals("java.util.concurrent.CompletableFuture.join, called by the cell",
                CellExecutionControl.whereItRuns(new StackTraceElement[] {park, join, cell}));
        assertEquals("com.example.Spin.run(Spin.java:3)",
                CellExecutionControl.whereItRuns(new StackTraceElement[] {park, jar, cell}));
        assertEquals("the JDK's code", CellExecutionControl.whereItRuns(new StackTraceElement[] {park, join}));
    }
}

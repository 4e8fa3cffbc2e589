package org.jparallel.client.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Shipped functions that never heed an interrupt stop anyway: their classes carry stop checks. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StopChecksTest {

    private JShellSender kernel;

    @BeforeAll
    void open() {
        kernel = new JShellSender();
    }

    @AfterAll
    void close() {
        kernel.close();
    }

    @AfterEach
    void resume() {
        TaskStop.resume();
    }

    /** Runs the session's function {@code name} on the other side, on a thread of its own. */
    @SuppressWarnings("unchecked")
    private CompletableFuture<Object> startOnTheOtherSide(String name) {
        DecodedCall call = new ValueDecoder(getClass().getClassLoader())
                .decodeCall(kernel.encoder().encodeCall(kernel.variable(name), 1));
        CompletableFuture<Object> outcome = new CompletableFuture<>();
        Thread runner = new Thread(() -> {
            try {
                outcome.complete(((SerialFn<Object, Object>) call.function()).apply(call.args().get(0)));
            } catch (Throwable t) {
                outcome.complete(t);
            }
        });
        runner.setDaemon(true);
        runner.start();
        return outcome;
    }

    private static Object stopAfterAWhile(CompletableFuture<Object> running) throws Exception {
        Thread.sleep(200);
        assertTrue(!running.isDone(), "the function should still be spinning");
        TaskStop.stopShippedCode();
        return running.get(10, TimeUnit.SECONDS);
    }

    @Test
    void busyLoopInALambdaStops() throws Exception {
        kernel.run("SerialFn<Integer, Integer> spin = x -> { while (true) { } };");
        assertInstanceOf(TaskStop.Stopped.class, stopAfterAWhile(startOnTheOtherSide("spin")));
    }

    @Test
    void busyLoopInAMethodOfAnEarlierCellStops() throws Exception {
        kernel.run("long count(long n) { long c = 0; for (long i = 0; i < n; i++) { c += i % 7; } return c; }")
                .run("SerialFn<Integer, Long> longCount = x -> count(Long.MAX_VALUE);");
        assertInstanceOf(TaskStop.Stopped.class, stopAfterAWhile(startOnTheOtherSide("longCount")));
    }

    @Test
    void catchingExceptionDoesNotSwallowTheStop() throws Exception {
        kernel.run("SerialFn<Integer, Integer> stubborn = x -> { while (true) { try { Thread.onSpinWait(); }"
                + " catch (Exception e) { } } };");
        assertInstanceOf(TaskStop.Stopped.class, stopAfterAWhile(startOnTheOtherSide("stubborn")));
    }

    @Test
    void wovenFunctionComputesWhatItDidBefore() throws Exception {
        kernel.run("SerialFn<Integer, Integer> sumTo = n -> { int s = 0; for (int i = 1; i <= 100 * n; i++) s += i;"
                + " return switch (s % 3) { case 0 -> s; case 1 -> -s; default -> 0; }; };");
        assertEquals(5050 % 3 == 0 ? 5050 : 5050 % 3 == 1 ? -5050 : 0,
                startOnTheOtherSide("sumTo").get(10, TimeUnit.SECONDS));
    }
}

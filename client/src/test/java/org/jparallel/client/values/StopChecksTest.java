package org.jparallel.client.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Woven classes stop when asked, whether or not their code heeds interrupts. Weaving is tested on this JVM
 * whatever its version; engines weave shipped classes on JDK 20 and later ({@link TaskStop#WOVEN}).
 */
class StopChecksTest {

    /** Code that never heeds an interrupt, woven below as a shipped class would be. */
    public static final class Spinner {
        public static Object spin() {
            while (true) {
                Thread.onSpinWait();
            }
        }

        public static Object count() {
            long c = 0;
            for (long i = 0; i < Long.MAX_VALUE; i++) {
                c += i % 7;
            }
            return c;
        }

        public static Object stubborn() {
            while (true) {
                try {
                    Thread.onSpinWait();
                } catch (Exception swallowed) {
                    // a catch of Exception must not swallow the stop
                }
            }
        }

        public static Object sumTo(int n) {
            int s = 0;
            for (int i = 1; i <= n; i++) {
                s += i;
            }
            return switch (s % 3) {
                case 0 -> s;
                case 1 -> -s;
                default -> 0;
            };
        }
    }

    @AfterEach
    void resume() {
        TaskStop.resume();
    }

    private static Class<?> woven() throws IOException {
        String name = Spinner.class.getName();
        byte[] bytes;
        try (InputStream in = StopChecksTest.class.getResourceAsStream("/" + name.replace('.', '/') + ".class")) {
            bytes = StopChecks.woven(in.readAllBytes());
        }
        return new ClassLoader(StopChecksTest.class.getClassLoader()) {
            Class<?> define() {
                return defineClass(name, bytes, 0, bytes.length);
            }
        }.define();
    }

    private static CompletableFuture<Object> start(String method) throws IOException {
        Class<?> spinner = woven();
        CompletableFuture<Object> outcome = new CompletableFuture<>();
        Thread runner = new Thread(() -> {
            try {
                outcome.complete(spinner.getMethod(method).invoke(null));
            } catch (java.lang.reflect.InvocationTargetException e) {
                outcome.complete(e.getCause());
            } catch (ReflectiveOperationException e) {
                outcome.completeExceptionally(e);
            }
        });
        runner.setDaemon(true); // left spinning if the test fails
        runner.start();
        return outcome;
    }

    private static Object stopAfterAWhile(CompletableFuture<Object> running) throws Exception {
        Thread.sleep(200);
        assertFalse(running.isDone(), "the code should still be spinning");
        TaskStop.stopShippedCode();
        return running.get(10, TimeUnit.SECONDS);
    }

    @Test
    void busyLoopStops() throws Exception {
        assertInstanceOf(TaskStop.Stopped.class, stopAfterAWhile(start("spin")));
    }

    @Test
    void countingLoopStops() throws Exception {
        assertInstanceOf(TaskStop.Stopped.class, stopAfterAWhile(start("count")));
    }

    @Test
    void catchingExceptionDoesNotSwallowTheStop() throws Exception {
        assertInstanceOf(TaskStop.Stopped.class, stopAfterAWhile(start("stubborn")));
    }

    @Test
    void wovenCodeComputesWhatItDidBefore() throws Exception {
        assertEquals(Spinner.sumTo(100), woven().getMethod("sumTo", int.class).invoke(null, 100));
    }
}

package org.jparallel.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Woven classes stop when asked, whether or not their code heeds interrupts. Weaving is tested on this JVM whatever
 * its version; sessions weave snippet classes on JDK 17 to 19, engines shipped classes on JDK 20 and later.
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

    private static final String CHECKS = "org/jparallel/repl/WovenTestStop";

    /** The spinner woven, and the class its checks call, in a loader of their own, as a session defines them. */
    private static final class WovenLoader extends ClassLoader {
        private final Class<?> checks;
        private final Class<?> spinner;

        WovenLoader() throws IOException {
            super(StopChecksTest.class.getClassLoader());
            byte[] checksBytes = StopChecks.checksClass(CHECKS);
            checks = defineClass(CHECKS.replace('/', '.'), checksBytes, 0, checksBytes.length);
            String name = Spinner.class.getName();
            byte[] bytes;
            try (InputStream in = StopChecksTest.class.getResourceAsStream("/" + name.replace('.', '/') + ".class")) {
                bytes = StopChecks.woven(in.readAllBytes(), CHECKS);
            }
            spinner = defineClass(name, bytes, 0, bytes.length);
        }

        void stop(boolean stop) throws ReflectiveOperationException {
            checks.getField("stop").setBoolean(null, stop);
        }
    }

    private final WovenLoader woven;

    StopChecksTest() throws IOException {
        woven = new WovenLoader();
    }

    private CompletableFuture<Object> start(String method) {
        CompletableFuture<Object> outcome = new CompletableFuture<>();
        Thread runner = new Thread(() -> {
            try {
                outcome.complete(woven.spinner.getMethod(method).invoke(null));
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

    private Object stopAfterAWhile(CompletableFuture<Object> running) throws Exception {
        Thread.sleep(200);
        assertFalse(running.isDone(), "the code should still be spinning");
        woven.stop(true);
        return running.get(10, TimeUnit.SECONDS);
    }

    @Test
    void busyLoopStops() throws Exception {
        assertInstanceOf(ThreadDeath.class, stopAfterAWhile(start("spin")));
    }

    @Test
    void countingLoopStops() throws Exception {
        assertInstanceOf(ThreadDeath.class, stopAfterAWhile(start("count")));
    }

    @Test
    void catchingExceptionDoesNotSwallowTheStop() throws Exception {
        assertInstanceOf(ThreadDeath.class, stopAfterAWhile(start("stubborn")));
    }

    @Test
    void wovenCodeComputesWhatItDidBefore() throws Exception {
        assertEquals(Spinner.sumTo(100), woven.spinner.getMethod("sumTo", int.class).invoke(null, 100));
    }

    @Test
    void checksPassUntilStopped() throws Exception {
        woven.checks.getMethod("check").invoke(null);
        woven.stop(true);
        var thrown = org.junit.jupiter.api.Assertions.assertThrows(java.lang.reflect.InvocationTargetException.class,
                () -> woven.checks.getMethod("check").invoke(null));
        assertInstanceOf(ThreadDeath.class, thrown.getCause());
    }
}

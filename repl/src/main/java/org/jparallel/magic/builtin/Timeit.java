package org.jparallel.magic.builtin;

import java.util.Arrays;
import java.util.Locale;

/**
 * The loops behind {@code %timeit}, called from the snippet the magic compiles, so that the code runs as a cell's
 * does (JShell's own execution thread, interruptible) and is compiled once, not once per loop.
 *
 * <pre>{@code
 * Timeit.Timing t = Timeit.measure(0, 7, () -> Math.sqrt(2));   // loops per run chosen: each run ≥ 0.2 s
 * t.bestNanosPerLoop();
 * }</pre>
 */
public final class Timeit {
    /** How long a run takes at least when the number of loops is chosen: IPython's figure. */
    static final long RUN_NANOS = 200_000_000L;

    private Timeit() {
    }

    /** The code timed: an expression's value, or null for statements. */
    @FunctionalInterface
    public interface Body {
        Object run() throws Throwable;
    }

    /**
     * Runs {@code body} {@code loops} times per run, {@code runs} times.
     *
     * @param loops loops per run, or 0 to choose them as IPython does: 1, 2, 5, 10, 20, 50… until a run takes 0.2 s
     *              (those trial runs warm the JIT up too)
     */
    public static Timing measure(int loops, int runs, Body body) throws Throwable {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be 1 or more, not " + runs);
        }
        Loops timed = new Loops(body);
        int perRun = loops > 0 ? loops : timed.calibrate();
        long[] nanos = new long[runs];
        for (int r = 0; r < runs; r++) {
            nanos[r] = timed.run(perRun);
        }
        return new Timing(perRun, nanos);
    }

    /**
     * The loops over one body. Each value the body returns is kept now and then, as JMH's blackhole keeps values:
     * a value that might be kept must be computed, so the JIT cannot drop the work; a value kept only when a
     * pseudo-random number hits a mask that widens each time keeps the cost to a multiply and a branch per loop.
     */
    private static final class Loops {
        private final Body body;
        private Object kept;
        private int mask = 1;
        private int seed = 0x2545F491;

        Loops(Body body) {
            this.body = body;
        }

        /** IPython's choice: 1, 2, 5, 10, 20, 50… loops until a run takes {@link #RUN_NANOS}. */
        int calibrate() throws Throwable {
            for (long scale = 1; ; scale *= 10) {
                for (int step : new int[] {1, 2, 5}) {
                    long loops = scale * step;
                    if (run((int) loops) >= RUN_NANOS || loops * 10 > Integer.MAX_VALUE) {
                        return (int) loops;
                    }
                }
            }
        }

        long run(int loops) throws Throwable {
            long start = System.nanoTime();
            for (int i = 0; i < loops; i++) {
                Object value = body.run();
                seed = seed * 1664525 + 1013904223;
                if ((seed & mask) == 0) {
                    kept = value;
                    mask = (mask << 1) + 1;
                }
            }
            return System.nanoTime() - start;
        }
    }

    /**
     * What {@code %timeit} measured; {@code %timeit -o} makes it the cell's value.
     *
     * @param loops     loops per run
     * @param runNanos  each run's time, for all its loops
     */
    public record Timing(int loops, long[] runNanos) {
        public Timing {
            runNanos = runNanos.clone();
        }

        @Override
        public long[] runNanos() {
            return runNanos.clone();
        }

        public double meanNanosPerLoop() {
            return Arrays.stream(runNanos).average().orElse(0) / loops;
        }

        /** The standard deviation of the runs' times per loop. */
        public double stdDevNanosPerLoop() {
            double mean = meanNanosPerLoop();
            double squares = Arrays.stream(runNanos).mapToDouble(n -> Math.pow(n / (double) loops - mean, 2)).sum();
            return runNanos.length < 2 ? 0 : Math.sqrt(squares / (runNanos.length - 1));
        }

        public double bestNanosPerLoop() {
            return Arrays.stream(runNanos).min().orElse(0) / (double) loops;
        }

        /** As IPython says it: {@code 8.26 µs ± 102 ns per loop (mean ± std. dev. of 7 runs, 100,000 loops each)}. */
        @Override
        public String toString() {
            return duration(meanNanosPerLoop()) + " ± " + duration(stdDevNanosPerLoop()) + " per loop (mean ± std. dev. of "
                    + runNanos.length + (runNanos.length == 1 ? " run, " : " runs, ")
                    + String.format(Locale.ROOT, "%,d", loops) + (loops == 1 ? " loop each)" : " loops each)");
        }
    }

    /** A duration with three significant digits, in s, ms, µs or ns. */
    static String duration(double nanos) {
        if (nanos >= 1e9) {
            return String.format(Locale.ROOT, "%.3g s", nanos / 1e9);
        }
        if (nanos >= 1e6) {
            return String.format(Locale.ROOT, "%.3g ms", nanos / 1e6);
        }
        if (nanos >= 1e3) {
            return String.format(Locale.ROOT, "%.3g µs", nanos / 1e3);
        }
        return String.format(Locale.ROOT, "%.3g ns", nanos);
    }
}

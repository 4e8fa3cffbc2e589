package org.jparallel.client;

import java.time.Duration;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * Helpers for notebook cells, imported in every kernel session with
 * {@code import static org.jparallel.client.Parallel.*;}.
 *
 * <pre>{@code
 * rc.all().map(x -> x * x, range(10)).get();             // [0, 1, 4, 9, 16, 25, 36, 49, 64, 81]
 * range(2, 5);                                          // [2, 3, 4]
 * lv.withFlags(after(arB, arC)).apply(() -> stepA());   // runs once arB and arC have succeeded
 * lv.withFlags(after(any(arB, arC).onEither())).apply(() -> stepD());
 * lv.withFlags(follow(arB), retries(2)).apply(() -> stepE());   // on arB's engine, twice more if it fails
 * lv.withFlags(after(arE), timeout(Duration.ofSeconds(30)), label("report")).apply(() -> report());
 * lv.withFlags(require("org.postgresql.Driver")).apply(() -> load());
 * lv.withFlags(depend("Linux", () -> System.getProperty("os.name").startsWith("Linux"))).apply(() -> run());
 * }</pre>
 */
public final class Parallel {
    private Parallel() {
    }

    /** The integers {@code 0, 1, …, n-1}, as Python's {@code range(n)}. */
    public static List<Integer> range(int n) {
        return range(0, n, 1);
    }

    /** The integers {@code from, from+1, …, to-1}. */
    public static List<Integer> range(int from, int to) {
        return range(from, to, 1);
    }

    /** The integers from {@code from} up to (or down to) {@code to}, excluded, by {@code step}. */
    public static List<Integer> range(int from, int to, int step) {
        if (step == 0) {
            throw new IllegalArgumentException("range step must not be zero");
        }
        long span = step > 0 ? (long) to - from : (long) from - to;
        int size = span <= 0 ? 0 : (int) ((span + Math.abs((long) step) - 1) / Math.abs((long) step));
        return new IntRange(from, step, size);
    }

    /** Flags for tasks that may start only once every task of these results has succeeded. */
    public static TaskFlags after(AsyncResult<?>... results) {
        return TaskFlags.NONE.withAfter(results);
    }

    /** Flags for tasks that may start only once these dependencies are met, e.g. {@code after(any(arB, arC))}. */
    public static TaskFlags after(Dependency... dependencies) {
        return TaskFlags.NONE.withAfter(dependencies);
    }

    /** Flags for tasks that must run on the engine that ran these results, once they have succeeded. */
    public static TaskFlags follow(AsyncResult<?>... results) {
        return TaskFlags.NONE.withFollow(results);
    }

    /** Flags for tasks that must run on an engine where these dependencies were met. */
    public static TaskFlags follow(Dependency... dependencies) {
        return TaskFlags.NONE.withFollow(dependencies);
    }

    /** A dependency on every task of these results: {@code after(all(arB, arC).onEither())}. */
    public static Dependency all(AsyncResult<?>... results) {
        return Dependency.all(results);
    }

    /** A dependency on one task of these results, whichever ends first: {@code after(any(arB, arC))}. */
    public static Dependency any(AsyncResult<?>... results) {
        return Dependency.any(results);
    }

    /** Flags for tasks that need these classes ({@code com.example.Foo}) or resources ({@code data/x.csv}) on the engine. */
    public static TaskFlags require(String... classesOrResources) {
        return TaskFlags.NONE.withRequire(classesOrResources);
    }

    /** Flags for tasks that need {@code condition} to hold on the engine, e.g. {@code depend(() -> cores() > 8)}. */
    public static TaskFlags depend(EngineCondition condition) {
        return TaskFlags.NONE.withDepend(condition);
    }

    /** Flags for tasks that need {@code condition}, named {@code description} when no engine meets it. */
    public static TaskFlags depend(String description, EngineCondition condition) {
        return TaskFlags.NONE.withDepend(description, condition);
    }

    /**
     * Flags for tasks that fail when they wait in the controller too long: with {@link DependencyTimeout} when their
     * dependencies are not met in time, with {@link TaskTimeout} when no engine is free in time.
     */
    public static TaskFlags timeout(Duration timeout) {
        return TaskFlags.NONE.withTimeout(timeout);
    }

    /** {@link #timeout(Duration)} in seconds, as ipyparallel's {@code timeout=5}: {@code timeout(5)}, {@code timeout(0.5)}. */
    public static TaskFlags timeout(double seconds) {
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("timeout " + seconds + " s: give seconds, 0 or more (0: no limit)");
        }
        return timeout(Duration.ofNanos(Math.round(seconds * 1e9)));
    }

    /** Flags for tasks that run again, on another engine, up to {@code retries} times after failing or losing theirs. */
    public static TaskFlags retries(int retries) {
        return TaskFlags.NONE.withRetries(retries);
    }

    /** Flags for tasks named {@code label} in the controller's records ({@code rc.resultStatus}, {@code getResult}). */
    public static TaskFlags label(String label) {
        return TaskFlags.NONE.withLabel(label);
    }

    /**
     * Flags for tasks that run only on these engines: {@code lv.withFlags(targets(0, 1))}, as ipyparallel's
     * {@code load_balanced_view(targets=[0, 1])} ({@link Client#loadBalancedView(int...)} makes such a view).
     */
    public static TaskFlags targets(int... engineIds) {
        return TaskFlags.NONE.withTargets(engineIds);
    }

    /** A range that holds no array: {@code range(10_000_000)} costs nothing until used. Serializable. */
    private static final class IntRange extends AbstractList<Integer> implements RandomAccess, java.io.Serializable {
        private final int from;
        private final int step;
        private final int size;

        IntRange(int from, int step, int size) {
            this.from = from;
            this.step = step;
            this.size = size;
        }

        @Override
        public Integer get(int index) {
            if (index < 0 || index >= size) {
                throw new IndexOutOfBoundsException("index " + index + " of a range of " + size);
            }
            return from + index * step;
        }

        @Override
        public int size() {
            return size;
        }
    }
}

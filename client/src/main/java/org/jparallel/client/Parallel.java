package org.jparallel.client;

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
 * lv.withFlags(after(arB, arC)).apply(() -> stepA());   // runs once arB and arC are done
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

    /** Flags for tasks that may start only once the tasks of these results have finished. */
    public static TaskFlags after(AsyncResult<?>... results) {
        return TaskFlags.NONE.withAfter(results);
    }

    /** Flags for tasks that must run on the engine(s) that ran these results. */
    public static TaskFlags follow(AsyncResult<?>... results) {
        return TaskFlags.NONE.withFollow(results);
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

package org.jparallel.client.values;

import java.util.ArrayList;
import java.util.List;

/**
 * Lists of one boxed number type ({@code range(1_000_000)}, a scatter's chunks, a map's results): written as the
 * primitive array of their values, so they travel as raw bytes (a frame of their own, or the bulk channel) instead of
 * a node per element, and arrive as an {@code ArrayList} of the same boxes. A 500,000-element chunk of integers
 * took 30–100 ms a side node by node.
 */
final class BoxedLists {
    /** Shorter lists gain nothing from a second node and an array. */
    static final int MIN_SIZE = 16;

    private BoxedLists() {
    }

    /** {@code int[]}, {@code long[]} or {@code double[]} of the list's values, or null when it is not such a list. */
    static Object unboxed(List<?> list) {
        if (list.size() < MIN_SIZE) {
            return null;
        }
        Class<?> type = list.get(0) == null ? null : list.get(0).getClass();
        if (type == Integer.class) {
            int[] values = new int[list.size()];
            int i = 0;
            for (Object element : list) {
                if (!(element instanceof Integer value)) {
                    return null;
                }
                values[i++] = value;
            }
            return values;
        }
        if (type == Long.class) {
            long[] values = new long[list.size()];
            int i = 0;
            for (Object element : list) {
                if (!(element instanceof Long value)) {
                    return null;
                }
                values[i++] = value;
            }
            return values;
        }
        if (type == Double.class) {
            double[] values = new double[list.size()];
            int i = 0;
            for (Object element : list) {
                if (!(element instanceof Double value)) {
                    return null;
                }
                values[i++] = value;
            }
            return values;
        }
        return null;
    }

    /** The list {@link #unboxed} wrote as {@code array}. */
    static List<Object> boxed(Object array, String label) {
        if (array instanceof int[] values) {
            List<Object> list = new ArrayList<>(values.length);
            for (int value : values) {
                list.add(value);
            }
            return list;
        }
        if (array instanceof long[] values) {
            List<Object> list = new ArrayList<>(values.length);
            for (long value : values) {
                list.add(value);
            }
            return list;
        }
        if (array instanceof double[] values) {
            List<Object> list = new ArrayList<>(values.length);
            for (double value : values) {
                list.add(value);
            }
            return list;
        }
        throw new UndecodableValueException(label + ": a list of boxed numbers holds "
                + (array == null ? "null" : array.getClass().getSimpleName()) + ", not int[], long[] or double[]");
    }
}

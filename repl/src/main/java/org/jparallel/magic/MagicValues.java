package org.jparallel.magic;

import java.util.HashMap;
import java.util.Map;

/**
 * The values of line magics used as values in a cell's Java, as IJava allows ({@code List<String> added = %jars
 * lib/*.jar}): the magic runs first, its value waits here, and the line reads it back. The session holds it as
 * {@code $magics}, which {@code %who} does not list.
 *
 * <pre>{@code
 * int slot = values.put(List.of("lib/a.jar"));
 * // the cell's line becomes:  List<String> added = $magics.value(0);
 * }</pre>
 */
public final class MagicValues {
    private final Map<Integer, Object> values = new HashMap<>();
    private int next;

    /** Keeps {@code value} for the line that reads it; returns its slot. */
    synchronized int put(Object value) {
        values.put(next, value);
        return next++;
    }

    /** The value in {@code slot}, as the type the line assigns it to; once. */
    @SuppressWarnings("unchecked")
    public synchronized <T> T value(int slot) {
        return (T) values.remove(slot);
    }
}

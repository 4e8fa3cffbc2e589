package org.jparallel.client;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Engines picked as ipyparallel picks them, in a string: {@code all}, an id ({@code 3}; {@code -1} the last), a
 * list ({@code 1,2} or {@code [0,3]}) or a Python slice over the sorted ids ({@code ::2}, {@code 1:3},
 * {@code -1:}): what {@code %px -t} and {@link Client#view(String)} take. Parsed by a small grammar, never
 * evaluated.
 *
 * <pre>{@code
 * Targets.parse("::2").resolve(List.of(0, 1, 2, 3))   // [0, 2]
 * rc.view("::2")                                     // rc[::2]
 * }</pre>
 */
public sealed interface Targets {

    /** Every engine, including ones that register later. */
    record All() implements Targets {
        @Override
        public List<Integer> resolve(List<Integer> engines) {
            return List.copyOf(engines);
        }
    }

    /** Engines by id; a negative one counts from the last of the sorted ids, as ipyparallel's {@code rc[-1]}. */
    record Ids(List<Integer> ids) implements Targets {
        @Override
        public List<Integer> resolve(List<Integer> engines) {
            Set<Integer> picked = new LinkedHashSet<>();
            for (int id : ids) {
                int engine = id < 0 && -id <= engines.size() ? engines.get(engines.size() + id) : id;
                if (!engines.contains(engine)) {
                    throw new ClusterException("no engine " + id + ": the engines are " + engines);
                }
                picked.add(engine);
            }
            return List.copyOf(picked);
        }
    }

    /** A Python slice {@code start:stop:step} over the sorted engine ids; null parts take their defaults. */
    record Slice(Integer start, Integer stop, Integer step) implements Targets {
        @Override
        public List<Integer> resolve(List<Integer> engines) {
            int n = engines.size();
            int by = step == null ? 1 : step;
            int from = bound(start, n, by > 0 ? 0 : n - 1, by);
            int to = bound(stop, n, by > 0 ? n : -1, by);
            List<Integer> picked = new ArrayList<>();
            for (int i = from; by > 0 ? i < to : i > to; i += by) {
                picked.add(engines.get(i));
            }
            if (picked.isEmpty()) {
                throw new ClusterException("the slice " + this + " selects none of the engines " + engines);
            }
            return picked;
        }

        /** Python's clamping of a slice index. */
        private static int bound(Integer index, int n, int fallback, int step) {
            if (index == null) {
                return fallback;
            }
            int i = index < 0 ? index + n : index;
            if (step > 0) {
                return Math.max(0, Math.min(i, n));
            }
            return Math.max(-1, Math.min(i, n - 1));
        }

        @Override
        public String toString() {
            return (start == null ? "" : start) + ":" + (stop == null ? "" : stop) + (step == null ? "" : ":" + step);
        }
    }

    /**
     * The engines these targets pick among the registered ones.
     *
     * @throws ClusterException naming the engines that exist when a target does not
     */
    List<Integer> resolve(List<Integer> engines);

    static Targets all() {
        return new All();
    }

    /**
     * Parses targets as {@code %px -t} takes them.
     *
     * @throws IllegalArgumentException when the text is none of the forms above, with the forms it can take
     */
    static Targets parse(String text) {
        String spec = text.strip();
        if (spec.equals("all")) {
            return all();
        }
        if (spec.startsWith("[") && spec.endsWith("]")) {
            spec = spec.substring(1, spec.length() - 1).strip();
        }
        if (spec.contains(":")) {
            return slice(spec, text);
        }
        Set<Integer> ids = new LinkedHashSet<>();
        for (String part : spec.split(",")) {
            ids.add(integer(part, text));
        }
        return new Ids(List.copyOf(ids));
    }

    private static Targets slice(String spec, String text) {
        String[] parts = spec.split(":", -1);
        if (parts.length > 3) {
            throw new IllegalArgumentException("bad targets '" + text + "': a slice has at most start:stop:step");
        }
        Integer[] values = new Integer[3];
        for (int i = 0; i < parts.length; i++) {
            values[i] = parts[i].isBlank() ? null : integer(parts[i], text);
        }
        if (values[2] != null && values[2] == 0) {
            throw new IllegalArgumentException("bad targets '" + text + "': a slice step cannot be zero");
        }
        return new Slice(values[0], values[1], values[2]);
    }

    private static int integer(String part, String text) {
        try {
            return Integer.parseInt(part.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad targets '" + text
                    + "': use all, an engine id (2), a list (1,2 or [0,3]) or a slice (::2, 1:3)");
        }
    }
}

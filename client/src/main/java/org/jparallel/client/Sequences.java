package org.jparallel.client;

import java.lang.reflect.Array;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Cuts sequences (lists and arrays, primitive ones included) into chunks and puts chunks back together. */
final class Sequences {
    private Sequences() {
    }

    /** Interfaces that say nothing of what elements have in common. */
    private static final Set<Class<?>> EVERYWHERE = Set.of(java.io.Serializable.class, Cloneable.class,
            Comparable.class, java.lang.constant.Constable.class, java.lang.constant.ConstantDesc.class);

    /**
     * The nearest class or interface that every element of a list is an instance of: the first one's class, or the
     * nearest superclass or interface of it that the others share (not Object, Record or Enum, nor an interface the
     * JDK puts on everything). Empty for an array, an empty list, or elements that share nothing else.
     */
    static Optional<Class<?>> elementType(Object sequence) {
        if (!(sequence instanceof List<?> list)) {
            return Optional.empty();
        }
        Class<?> first = list.stream().filter(java.util.Objects::nonNull).findFirst().map(Object::getClass)
                .orElse(null);
        if (first == null) {
            return Optional.empty();
        }
        Deque<Class<?>> candidates = new ArrayDeque<>();
        for (Class<?> c = first; c != null && c != Object.class && c != Record.class && c != Enum.class;
                c = c.getSuperclass()) {
            candidates.add(c);
        }
        for (Class<?> c = first; c != null; c = c.getSuperclass()) {
            candidates.addAll(List.of(c.getInterfaces()));
        }
        Set<Class<?>> seen = new HashSet<>();
        while (!candidates.isEmpty()) {
            Class<?> candidate = candidates.poll();
            if (!seen.add(candidate) || EVERYWHERE.contains(candidate)) {
                continue;
            }
            if (list.stream().allMatch(element -> element == null || candidate.isInstance(element))) {
                return Optional.of(candidate);
            }
            if (candidate.isInterface()) {
                candidates.addAll(List.of(candidate.getInterfaces()));
            }
        }
        return Optional.empty();
    }

    static int length(Object sequence) {
        if (sequence instanceof List<?> list) {
            return list.size();
        }
        if (sequence != null && sequence.getClass().isArray()) {
            return Array.getLength(sequence);
        }
        throw new IllegalArgumentException("expected a List or an array, got "
                + (sequence == null ? "null" : sequence.getClass().getName()));
    }

    /**
     * {@code parts} contiguous chunks whose lengths differ by at most one, the longer first, as ipyparallel
     * cuts them; a chunk of a list is a list, of an array an array of the same type.
     */
    static List<Object> split(Object sequence, int parts) {
        int length = length(sequence);
        List<Object> chunks = new ArrayList<>(parts);
        int base = length / parts;
        int extra = length % parts;
        int from = 0;
        for (int i = 0; i < parts; i++) {
            int to = from + base + (i < extra ? 1 : 0);
            chunks.add(slice(sequence, from, to));
            from = to;
        }
        return chunks;
    }

    /**
     * The parts of {@link #split}, those of one element replaced by that element (primitives boxed), for a scatter
     * that flattens, as ipyparallel's does: one element per engine gives each engine its own; more elements than
     * engines leave lists where a part has several.
     */
    static List<Object> flattened(Object sequence, int parts) {
        List<Object> chunks = split(sequence, parts);
        for (int i = 0; i < chunks.size(); i++) {
            Object chunk = chunks.get(i);
            if (length(chunk) == 1) {
                chunks.set(i, chunk instanceof List<?> list ? list.get(0) : Array.get(chunk, 0));
            }
        }
        return chunks;
    }

    /** Chunks of at most {@code size} elements, in order. */
    static List<Object> chunksOf(Object sequence, int size) {
        int length = length(sequence);
        List<Object> chunks = new ArrayList<>();
        for (int from = 0; from < length; from += size) {
            chunks.add(slice(sequence, from, Math.min(length, from + size)));
        }
        return chunks;
    }

    private static Object slice(Object sequence, int from, int to) {
        if (sequence instanceof List<?> list) {
            // a copy, not a view: subList views of some lists do not serialize
            return new ArrayList<>(list.subList(from, to));
        }
        Object chunk = Array.newInstance(sequence.getClass().getComponentType(), to - from);
        System.arraycopy(sequence, from, chunk, 0, to - from);
        return chunk;
    }

    /**
     * Chunks back together: arrays of one type into one array, anything else into one list (lists
     * contribute their elements, other values themselves).
     */
    static Object concat(List<Object> chunks) {
        if (!chunks.isEmpty() && chunks.stream().allMatch(c -> c != null && c.getClass().isArray()
                && c.getClass() == chunks.get(0).getClass())) {
            int total = chunks.stream().mapToInt(Array::getLength).sum();
            Object all = Array.newInstance(chunks.get(0).getClass().getComponentType(), total);
            int at = 0;
            for (Object chunk : chunks) {
                int n = Array.getLength(chunk);
                System.arraycopy(chunk, 0, all, at, n);
                at += n;
            }
            return all;
        }
        List<Object> all = new ArrayList<>();
        for (Object chunk : chunks) {
            if (chunk instanceof List<?> list) {
                all.addAll(list);
            } else {
                all.add(chunk);
            }
        }
        return all;
    }
}

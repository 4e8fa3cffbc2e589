package org.jparallel.client.values;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Which values travel without Java serialization: null, strings, boxed primitives, primitive
 * arrays, {@link ResultRef}s, {@link VariableRef}s, and JDK lists, maps, object arrays and optionals made only
 * of those.
 * Lists arrive as {@code ArrayList} and maps as {@code LinkedHashMap} (a value that crosses JVMs is a copy): those
 * that are one, and those that cells can type only by their interface ({@code List.of}'s). A list or map of another
 * class that cells can name ({@code LinkedList}, {@code ConcurrentHashMap}, which a lambda's parameter may be typed
 * as) keeps its class through serialization, as do sorted and identity maps and values that hold one list, map or
 * array twice.
 */
final class FastPath {

    /** Deeper nesting (or a cycle) goes through serialization, which handles both. */
    static final int MAX_DEPTH = 32;

    private FastPath() {
    }

    static boolean accepts(Object value) {
        // a task's no-op result or a lone array needs no walk: every message encodes at least one value
        return isScalar(value) || PrimitiveArrays.kindOf(value) >= 0 || new Walk().accepts(value, 0);
    }

    static boolean isScalar(Object value) {
        return value == null || value instanceof String || value instanceof Boolean || value instanceof Character
                || value instanceof Byte || value instanceof Short || value instanceof Integer
                || value instanceof Long || value instanceof Float || value instanceof Double;
    }

    /**
     * Whether the tree's {@code ArrayList} or {@code LinkedHashMap} is of the container's class or a subclass, or
     * the container's class is one that cells cannot name.
     */
    private static boolean arrivesAsItsType(Object container, Class<?> arrival) {
        Class<?> type = container.getClass();
        return type.isAssignableFrom(arrival) || !Modifier.isPublic(type.getModifiers());
    }

    /** Object arrays whose component type every JVM has: {@code String[]}, {@code double[][]}, {@code Object[]}. */
    static boolean isJdkObjectArray(Object value) {
        return value instanceof Object[] && value.getClass().getComponentType().getClassLoader() == null
                && !value.getClass().getComponentType().isPrimitive();
    }

    /**
     * One look over a value. A list, map or array met twice (a value that shares one, {@code List.of(row, row)})
     * goes through serialization, which keeps the sharing, where the tree would make two copies.
     */
    private static final class Walk {
        /** The lists, maps and arrays met below the top, made at the first. */
        private Map<Object, Boolean> containers;

        boolean accepts(Object value, int depth) {
            if (isScalar(value) || value instanceof ResultRef || value instanceof VariableRef) {
                return true;
            }
            if (PrimitiveArrays.kindOf(value) >= 0) {
                return firstMeeting(value, depth);
            }
            if (depth >= MAX_DEPTH || value.getClass().getClassLoader() != null) {
                return false;
            }
            if (value instanceof Optional<?> optional) {
                return optional.isEmpty() || accepts(optional.get(), depth + 1);
            }
            if (value instanceof List<?> list && arrivesAsItsType(list, ArrayList.class)) {
                return firstMeeting(value, depth) && allAccepted(list, depth);
            }
            if (value instanceof Map<?, ?> map && arrivesAsItsType(map, LinkedHashMap.class)
                    && !(map instanceof SortedMap) && !(map instanceof IdentityHashMap)) {
                if (!firstMeeting(value, depth)) {
                    return false;
                }
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    if (!accepts(entry.getKey(), depth + 1) || !accepts(entry.getValue(), depth + 1)) {
                        return false;
                    }
                }
                return true;
            }
            if (isJdkObjectArray(value)) {
                return firstMeeting(value, depth) && allAccepted(Arrays.asList((Object[]) value), depth);
            }
            return false;
        }

        private boolean allAccepted(List<?> elements, int depth) {
            for (Object element : elements) {
                if (!accepts(element, depth + 1)) {
                    return false;
                }
            }
            return true;
        }

        /** Whether this walk meets {@code container} for the first time (the top one it meets once anyway). */
        private boolean firstMeeting(Object container, int depth) {
            if (depth == 0) {
                return true;
            }
            if (containers == null) {
                containers = new IdentityHashMap<>();
            }
            return containers.put(container, Boolean.TRUE) == null;
        }
    }
}

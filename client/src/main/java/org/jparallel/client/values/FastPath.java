package org.jparallel.client.values;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Which values travel without Java serialization: null, strings, boxed primitives, primitive
 * arrays, {@link ResultRef}s, {@link VariableRef}s, and JDK lists, maps, object arrays and optionals made only
 * of those.
 * Lists arrive as {@code ArrayList} and maps as {@code LinkedHashMap} (a value that crosses JVMs is a copy);
 * sorted and identity maps keep their semantics through serialization instead.
 */
final class FastPath {

    /** Deeper nesting (or a cycle) goes through serialization, which handles both. */
    static final int MAX_DEPTH = 32;

    private FastPath() {
    }

    static boolean accepts(Object value) {
        return accepts(value, 0);
    }

    static boolean isScalar(Object value) {
        return value == null || value instanceof String || value instanceof Boolean || value instanceof Character
                || value instanceof Byte || value instanceof Short || value instanceof Integer
                || value instanceof Long || value instanceof Float || value instanceof Double;
    }

    /** Object arrays whose component type every JVM has: {@code String[]}, {@code double[][]}, {@code Object[]}. */
    static boolean isJdkObjectArray(Object value) {
        return value instanceof Object[] && value.getClass().getComponentType().getClassLoader() == null
                && !value.getClass().getComponentType().isPrimitive();
    }

    private static boolean accepts(Object value, int depth) {
        if (isScalar(value) || PrimitiveArrays.kindOf(value) >= 0 || value instanceof ResultRef
                || value instanceof VariableRef) {
            return true;
        }
        if (depth >= MAX_DEPTH || value.getClass().getClassLoader() != null) {
            return false;
        }
        if (value instanceof Optional<?> optional) {
            return optional.isEmpty() || accepts(optional.get(), depth + 1);
        }
        if (value instanceof List<?> list) {
            for (Object element : list) {
                if (!accepts(element, depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        if (value instanceof Map<?, ?> map && !(map instanceof SortedMap) && !(map instanceof IdentityHashMap)) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!accepts(entry.getKey(), depth + 1) || !accepts(entry.getValue(), depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        if (isJdkObjectArray(value)) {
            for (Object element : (Object[]) value) {
                if (!accepts(element, depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }
}

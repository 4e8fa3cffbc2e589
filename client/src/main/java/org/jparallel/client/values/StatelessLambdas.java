package org.jparallel.client.values;

import java.lang.reflect.Modifier;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lambdas without captured state decoded before, by their serialized bytes and the loaders their
 * classes resolved in. Deserializing the same {@code () -> null} for every task of a load-balanced
 * map was a quarter of an engine's work per task, and most of what its JIT compiled in the first
 * minute; a lambda that captures nothing decodes to an object that behaves the same every time, so
 * the first one serves. (Cell variables its code reads are static fields, set per message as before.)
 *
 * <p>Bounded, oldest use evicted first; thread-safe.
 */
final class StatelessLambdas {

    private static final int CAPACITY = 64;
    private static final int LARGEST_FRAME = 16 * 1024;

    /**
     * @param bytes   the serialized frame, compared by content
     * @param loaders for each class the message carries, by table index, the loader it resolves in
     */
    record Key(ByteBuffer bytes, List<ClassLoader> loaders) {
    }

    private final Map<Key, Object> lambdas = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Object> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The key of a frame whose classes resolve in {@code loaders}; null when the frame is too big to keep. */
    static Key key(byte[] frame, List<ClassLoader> loaders) {
        return frame.length > LARGEST_FRAME ? null : new Key(ByteBuffer.wrap(frame), loaders);
    }

    /** The lambda decoded from an equal frame in the same loaders, or null. */
    synchronized Object get(Key key) {
        return lambdas.get(key);
    }

    /** Keeps {@code value} for {@code key} if it is a lambda that captured nothing. */
    synchronized void offer(Key key, Object value) {
        if (value != null && isStateless(value.getClass())) {
            lambdas.put(key, value);
        }
    }

    /** A lambda's class holds its captured values in instance fields: without any, it has no state. */
    static boolean isStateless(Class<?> type) {
        return type.isSynthetic() && type.getName().contains("$$Lambda")
                && Arrays.stream(type.getDeclaredFields()).allMatch(f -> Modifier.isStatic(f.getModifiers()));
    }
}

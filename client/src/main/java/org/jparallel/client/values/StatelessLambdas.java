package org.jparallel.client.values;

import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

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

    /** A frame, compared by content, and for each class the message carries (by table index) its loader. */
    static final class Key {
        private final byte[] frame;
        private final List<ClassLoader> loaders;
        private final int hash;

        private Key(byte[] frame, List<ClassLoader> loaders) {
            this.frame = frame;
            this.loaders = loaders;
            // CRC32C is an intrinsic even before the JIT compiles this: ByteBuffer.hashCode's loop was not.
            CRC32C crc = new CRC32C();
            crc.update(frame);
            this.hash = 31 * (int) crc.getValue() + loaders.hashCode();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && hash == key.hash && Arrays.equals(frame, key.frame)
                    && loaders.equals(key.loaders);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private final Map<Key, Object> lambdas = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Object> eldest) {
            return size() > CAPACITY;
        }
    };

    /** Whether a frame is small enough to be kept: a lambda's is; a big serialized value is not looked up. */
    static boolean mayKeep(byte[] frame) {
        return frame.length <= LARGEST_FRAME;
    }

    /** The key of a frame whose classes resolve in {@code loaders}; null when the frame is too big to keep. */
    static Key key(byte[] frame, List<ClassLoader> loaders) {
        return mayKeep(frame) ? new Key(frame, loaders) : null;
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
        return STATELESS.get(type);
    }

    /** A property of the class, worked out once: reflection copies the fields on every call. */
    private static final ClassValue<Boolean> STATELESS = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return type.isSynthetic() && type.getName().contains("$$Lambda")
                    && Arrays.stream(type.getDeclaredFields()).allMatch(f -> Modifier.isStatic(f.getModifiers()));
        }
    };
}

package org.jparallel.client.values;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jparallel.wire.bulk.BulkFetcher;
import org.jparallel.wire.bulk.BulkRef;
import org.jparallel.wire.bulk.Payload;
import org.jparallel.wire.bulk.Sink;

/**
 * Primitive arrays on the bulk channel: sent chunk by chunk straight from the array, received straight into a
 * new one, as little-endian bytes through NIO views (no boxing, no copy of the whole array on either side).
 */
final class BulkArrays {
    /** Arrays bigger than this travel on the bulk channel when the message has one. */
    static final long THRESHOLD_BYTES = 1 << 20;

    private static final int[] ELEMENT_BYTES = {8, 8, 4, 4, 2, 1, 2, 1};

    private BulkArrays() {
    }

    static long byteLength(int kind, Object array) {
        return (long) java.lang.reflect.Array.getLength(array) * ELEMENT_BYTES[kind];
    }

    /** The array's bytes as they are now: the array is read while the offer lives, not copied. */
    static Payload payload(int kind, Object array) {
        long bytes = byteLength(kind, array);
        int size = ELEMENT_BYTES[kind];
        return new Payload() {
            @Override
            public long bytes() {
                return bytes;
            }

            @Override
            public void copyTo(long offset, ByteBuffer chunk) {
                int from = (int) (offset / size);
                int n = chunk.remaining() / size;
                ByteBuffer out = chunk.order(ByteOrder.LITTLE_ENDIAN);
                switch (kind) {
                    case 0 -> out.asDoubleBuffer().put((double[]) array, from, n);
                    case 1 -> out.asLongBuffer().put((long[]) array, from, n);
                    case 2 -> out.asIntBuffer().put((int[]) array, from, n);
                    case 3 -> out.asFloatBuffer().put((float[]) array, from, n);
                    case 4 -> out.asShortBuffer().put((short[]) array, from, n);
                    case 5 -> out.duplicate().put((byte[]) array, from, n);
                    case 6 -> out.asCharBuffer().put((char[]) array, from, n);
                    default -> {
                        boolean[] a = (boolean[]) array;
                        for (int i = 0; i < n; i++) {
                            out.put(out.position() + i, (byte) (a[from + i] ? 1 : 0));
                        }
                    }
                }
                chunk.position(chunk.position() + n * size);
            }

            @Override
            public Payload snapshot() {
                return payload(kind, copy(kind, array));
            }
        };
    }

    private static Object copy(int kind, Object array) {
        return switch (kind) {
            case 0 -> ((double[]) array).clone();
            case 1 -> ((long[]) array).clone();
            case 2 -> ((int[]) array).clone();
            case 3 -> ((float[]) array).clone();
            case 4 -> ((short[]) array).clone();
            case 5 -> ((byte[]) array).clone();
            case 6 -> ((char[]) array).clone();
            default -> ((boolean[]) array).clone();
        };
    }

    /** A new array of {@code kind} holding the value {@code ref} names, fetched straight into it. */
    static Object fetch(int kind, BulkRef ref, BulkFetcher fetcher) {
        if (kind < 0 || kind >= ELEMENT_BYTES.length) {
            throw new UndecodableValueException("unknown primitive array kind " + kind);
        }
        int size = ELEMENT_BYTES[kind];
        if (ref.bytes() % size != 0 || ref.bytes() / size > Integer.MAX_VALUE - 8) {
            throw new UndecodableValueException("a bulk array of " + ref.bytes() + " bytes is not a whole number of "
                    + size + "-byte elements that fits in a Java array");
        }
        int length = (int) (ref.bytes() / size);
        Object array = newArray(kind, length);
        Sink sink = (offset, chunk) -> {
            int from = (int) (offset / size);
            int n = chunk.remaining() / size;
            ByteBuffer in = chunk.order(ByteOrder.LITTLE_ENDIAN);
            switch (kind) {
                case 0 -> in.asDoubleBuffer().get((double[]) array, from, n);
                case 1 -> in.asLongBuffer().get((long[]) array, from, n);
                case 2 -> in.asIntBuffer().get((int[]) array, from, n);
                case 3 -> in.asFloatBuffer().get((float[]) array, from, n);
                case 4 -> in.asShortBuffer().get((short[]) array, from, n);
                case 5 -> in.duplicate().get((byte[]) array, from, n);
                case 6 -> in.asCharBuffer().get((char[]) array, from, n);
                default -> {
                    boolean[] a = (boolean[]) array;
                    for (int i = 0; i < n; i++) {
                        a[from + i] = in.get(in.position() + i) != 0;
                    }
                }
            }
            chunk.position(chunk.position() + n * size);
        };
        fetcher.fetch(ref, sink);
        return array;
    }

    private static Object newArray(int kind, int length) {
        return switch (kind) {
            case 0 -> new double[length];
            case 1 -> new long[length];
            case 2 -> new int[length];
            case 3 -> new float[length];
            case 4 -> new short[length];
            case 5 -> new byte[length];
            case 6 -> new char[length];
            default -> new boolean[length];
        };
    }
}

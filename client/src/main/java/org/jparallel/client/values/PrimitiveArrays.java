package org.jparallel.client.values;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Primitive arrays as raw little-endian bytes (numpy's native order on x86 and ARM), converted
 * in bulk through NIO views: one copy each way, no boxing.
 */
final class PrimitiveArrays {

    private PrimitiveArrays() {
    }

    /** The element kind of a primitive array, or -1 for anything else. */
    static int kindOf(Object value) {
        if (value instanceof double[]) {
            return 0;
        } else if (value instanceof long[]) {
            return 1;
        } else if (value instanceof int[]) {
            return 2;
        } else if (value instanceof float[]) {
            return 3;
        } else if (value instanceof short[]) {
            return 4;
        } else if (value instanceof byte[]) {
            return 5;
        } else if (value instanceof char[]) {
            return 6;
        } else if (value instanceof boolean[]) {
            return 7;
        }
        return -1;
    }

    static byte[] toBytes(Object array) {
        switch (kindOf(array)) {
            case 0: {
                double[] a = (double[]) array;
                byte[] out = new byte[Math.multiplyExact(a.length, Double.BYTES)];
                little(out).asDoubleBuffer().put(a);
                return out;
            }
            case 1: {
                long[] a = (long[]) array;
                byte[] out = new byte[Math.multiplyExact(a.length, Long.BYTES)];
                little(out).asLongBuffer().put(a);
                return out;
            }
            case 2: {
                int[] a = (int[]) array;
                byte[] out = new byte[Math.multiplyExact(a.length, Integer.BYTES)];
                little(out).asIntBuffer().put(a);
                return out;
            }
            case 3: {
                float[] a = (float[]) array;
                byte[] out = new byte[Math.multiplyExact(a.length, Float.BYTES)];
                little(out).asFloatBuffer().put(a);
                return out;
            }
            case 4: {
                short[] a = (short[]) array;
                byte[] out = new byte[Math.multiplyExact(a.length, Short.BYTES)];
                little(out).asShortBuffer().put(a);
                return out;
            }
            case 5:
                return ((byte[]) array).clone();
            case 6: {
                char[] a = (char[]) array;
                byte[] out = new byte[Math.multiplyExact(a.length, Character.BYTES)];
                little(out).asCharBuffer().put(a);
                return out;
            }
            case 7: {
                boolean[] a = (boolean[]) array;
                byte[] out = new byte[a.length];
                for (int i = 0; i < a.length; i++) {
                    out[i] = (byte) (a[i] ? 1 : 0);
                }
                return out;
            }
            default:
                throw new IllegalArgumentException("not a primitive array: " + array.getClass().getName());
        }
    }

    static Object fromBytes(int kind, byte[] bytes, int offset, int length) {
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length).slice().order(ByteOrder.LITTLE_ENDIAN);
        switch (kind) {
            case 0: {
                double[] a = new double[elements(length, Double.BYTES)];
                in.asDoubleBuffer().get(a);
                return a;
            }
            case 1: {
                long[] a = new long[elements(length, Long.BYTES)];
                in.asLongBuffer().get(a);
                return a;
            }
            case 2: {
                int[] a = new int[elements(length, Integer.BYTES)];
                in.asIntBuffer().get(a);
                return a;
            }
            case 3: {
                float[] a = new float[elements(length, Float.BYTES)];
                in.asFloatBuffer().get(a);
                return a;
            }
            case 4: {
                short[] a = new short[elements(length, Short.BYTES)];
                in.asShortBuffer().get(a);
                return a;
            }
            case 5: {
                byte[] a = new byte[length];
                in.get(a);
                return a;
            }
            case 6: {
                char[] a = new char[elements(length, Character.BYTES)];
                in.asCharBuffer().get(a);
                return a;
            }
            case 7: {
                boolean[] a = new boolean[length];
                for (int i = 0; i < length; i++) {
                    a[i] = in.get(i) != 0;
                }
                return a;
            }
            default:
                throw new UndecodableValueException("unknown primitive array kind " + kind);
        }
    }

    private static int elements(int length, int size) {
        if (length % size != 0) {
            throw new UndecodableValueException("an array frame of " + length + " bytes is not a whole number of "
                    + size + "-byte elements");
        }
        return length / size;
    }

    private static ByteBuffer little(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }
}

package org.jparallel.wire.bulk;

import java.nio.ByteBuffer;

/**
 * The bytes of an offered value, produced chunk by chunk straight from where the value lives (a primitive
 * array: no copy of the whole value is made to send it).
 *
 * <pre>{@code
 * Payload p = Payload.of(bytes);
 * p.copyTo(0, chunk);   // fills chunk from its position to its limit
 * }</pre>
 */
public interface Payload {

    /** The value's length in bytes. */
    long bytes();

    /**
     * Writes the bytes from {@code offset} into {@code chunk}, from its position to its limit, advancing its
     * position. Offsets and chunk sizes are multiples of 8 except at the end of the value.
     */
    void copyTo(long offset, ByteBuffer chunk);

    /** A payload of a copy of these bytes as they are now, for an offer whose source may change. */
    Payload snapshot();

    /** The bytes of an array, as they are (not copied: do not change them while offered). */
    static Payload of(byte[] bytes) {
        return new Payload() {
            @Override
            public long bytes() {
                return bytes.length;
            }

            @Override
            public void copyTo(long offset, ByteBuffer chunk) {
                chunk.put(bytes, Math.toIntExact(offset), chunk.remaining());
            }

            @Override
            public Payload snapshot() {
                return of(bytes.clone());
            }
        };
    }
}

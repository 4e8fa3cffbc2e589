package org.jparallel.wire.bulk;

import java.nio.ByteBuffer;

/**
 * Where a fetched value's bytes go, chunk by chunk: straight into the destination (a primitive array).
 *
 * <pre>{@code
 * byte[] into = new byte[(int) ref.bytes()];
 * fetcher.fetch(ref, (offset, chunk) -> chunk.get(into, (int) offset, chunk.remaining()));
 * }</pre>
 */
@FunctionalInterface
public interface Sink {

    /**
     * Takes all remaining bytes of {@code chunk}, which belong at {@code offset} of the value. Offsets and
     * chunk sizes are multiples of 8 except at the end of the value.
     */
    void copyFrom(long offset, ByteBuffer chunk);
}

package org.jparallel.wire;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the signatures of recent messages so that a captured message sent again is refused.
 *
 * <p>Bounded like jupyter_client's digest history: the oldest signatures are forgotten first.
 * Thread-safe, since a kernel checks messages from its shell, control and stdin threads.
 */
public final class ReplayGuard {
    private final Map<ByteBuffer, Boolean> seen;

    public ReplayGuard(int capacity) {
        this.seen = new LinkedHashMap<>(capacity * 4 / 3 + 1) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ByteBuffer, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Records the signature; false when it was seen before. */
    public synchronized boolean firstSighting(byte[] signature) {
        return seen.putIfAbsent(ByteBuffer.wrap(signature.clone()), Boolean.TRUE) == null;
    }
}

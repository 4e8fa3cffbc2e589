package org.jparallel.engine;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The encoded results of this engine's apply requests, by request msg_id, kept while a task or client may
 * still need them as an argument, until the controller sends {@code release_request}. Frames, not objects:
 * a {@code value_request} is answered on the socket thread without encoding anything.
 *
 * <pre>{@code
 * held.keep(msgId, frames);
 * held.frames(msgId);             // Optional[frames]
 * held.release(List.of(msgId));
 * }</pre>
 */
final class HeldResults {
    /** Results up to this size also go back in the reply; bigger ones stay here until someone asks. */
    static final long INLINE_BYTES = 1 << 20;

    private final Map<String, List<byte[]>> results = new ConcurrentHashMap<>();

    void keep(String msgId, List<byte[]> frames) {
        results.put(msgId, List.copyOf(frames));
    }

    Optional<List<byte[]>> frames(String msgId) {
        return Optional.ofNullable(results.get(msgId));
    }

    void release(Collection<String> msgIds) {
        msgIds.forEach(results::remove);
    }

    int size() {
        return results.size();
    }

    static long bytes(List<byte[]> frames) {
        long total = 0;
        for (byte[] frame : frames) {
            total += frame.length;
        }
        return total;
    }
}

package org.jparallel.engine;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jparallel.wire.bulk.BulkLease;

/**
 * The encoded results of this engine's apply requests, by request msg_id, kept while a task or client may
 * still need them as an argument, until the controller sends {@code release_request}. Frames, not objects:
 * a {@code value_request} is answered on the socket thread without encoding anything. The big arrays of a result
 * are not in its frames: they stay where the function left them, offered on the bulk channel under the result's
 * lease, which its release closes.
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

    private record Held(List<byte[]> frames, BulkLease bulk) {
    }

    private final Map<String, Held> results = new ConcurrentHashMap<>();

    /** @param bulk the lease its big arrays are offered under, or null */
    void keep(String msgId, List<byte[]> frames, BulkLease bulk) {
        Held previous = results.put(msgId, new Held(List.copyOf(frames), bulk));
        if (previous != null && previous.bulk() != null) {
            previous.bulk().close();
        }
    }

    Optional<List<byte[]>> frames(String msgId) {
        Held held = results.get(msgId);
        return held == null ? Optional.empty() : Optional.of(held.frames());
    }

    void release(Collection<String> msgIds) {
        for (String msgId : msgIds) {
            Held held = results.remove(msgId);
            if (held != null && held.bulk() != null) {
                held.bulk().close();
            }
        }
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

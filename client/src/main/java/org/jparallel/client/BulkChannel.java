package org.jparallel.client;

import java.lang.ref.Cleaner;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.logging.Level;
import org.jparallel.wire.HmacSigner;
import org.jparallel.wire.ListenAddress;
import org.jparallel.wire.SocketFiles;
import org.jparallel.wire.bulk.BulkFetcher;
import org.jparallel.wire.bulk.BulkLease;
import org.jparallel.wire.bulk.BulkListener;

/**
 * The client's end of the bulk channel: big arrays it sends (push, apply arguments) are offered on its listener
 * (opened at the first such offer) until their request is answered; big arrays engines send it are fetched from
 * theirs. A cluster without a key has no bulk channel: everything rides ZeroMQ.
 */
final class BulkChannel implements AutoCloseable {
    private static final Cleaner CLEANER = Cleaner.create();

    /** A lease made while encoding a request, until {@link #claim} ties it to the request's result. */
    private static final class Unclaimed {
        final BulkLease lease;
        final AtomicBoolean claimed = new AtomicBoolean();

        Unclaimed(BulkLease lease) {
            this.lease = lease;
        }
    }

    private final String ip;
    private final Path socketFile;
    private final HmacSigner signer;
    private final BulkFetcher fetcher;
    /** By the request's first frame (arrays compare by identity); weak, so a request never sent does not stay. */
    private final Map<byte[], Unclaimed> unclaimed = Collections.synchronizedMap(new WeakHashMap<>());
    private BulkListener listener;
    private boolean closed;

    BulkChannel(ClusterConnection connection, HmacSigner signer) {
        this.ip = ListenAddress.routeTarget(connection.ip(), connection.location());
        this.socketFile = SocketFiles.bulkSocketBeside(connection.unixSocket());
        this.signer = signer;
        this.fetcher = signer.enabled() ? new BulkFetcher(signer, null, Level.FINE) : null;
    }

    /** What decodes arrays engines send on the bulk channel, or null when the cluster has none. */
    BulkFetcher fetcher() {
        return fetcher;
    }

    /** The bytes fetched from engines so far. */
    long bytesFetched() {
        return fetcher == null ? 0 : fetcher.bytesFetched();
    }

    /**
     * The frames {@code encoding} makes with a lease of its own (null when the cluster has no bulk channel) for
     * the big arrays of one request. The lease waits for {@link #claim} to tie it to the request's result; it is
     * withdrawn at once when nothing was offered or the encoding fails, and once the frames are garbage when the
     * request is never sent.
     */
    List<byte[]> encode(Function<BulkLease, List<byte[]>> encoding) {
        BulkLease lease = lease();
        List<byte[]> frames;
        try {
            frames = encoding.apply(lease);
        } catch (RuntimeException | Error e) {
            if (lease != null) {
                lease.close();
            }
            throw e;
        }
        if (lease == null) {
            return frames;
        }
        if (lease.isEmpty() || frames.isEmpty()) {
            lease.close();
            return frames;
        }
        Unclaimed pending = new Unclaimed(lease);
        unclaimed.put(frames.get(0), pending);
        CLEANER.register(frames.get(0), () -> {
            if (pending.claimed.compareAndSet(false, true)) {
                pending.lease.close();
            }
        });
        return frames;
    }

    private synchronized BulkLease lease() {
        if (fetcher == null || closed) {
            return null;
        }
        if (listener == null) {
            listener = BulkListener.open(ip, socketFile, signer, Level.FINE);
        }
        return listener.lease(0, null);
    }

    /** The lease of a request about to be sent (once: requests sharing frames share it), or null. */
    BulkLease claim(List<byte[]> frames) {
        if (frames.isEmpty() || unclaimed.isEmpty()) {
            return null;
        }
        Unclaimed pending = unclaimed.remove(frames.get(0));
        return pending != null && pending.claimed.compareAndSet(false, true) ? pending.lease : null;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (listener != null) {
            listener.close();
        }
    }
}

package org.jparallel.engine;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jparallel.wire.HmacSigner;
import org.jparallel.wire.ListenAddress;
import org.jparallel.wire.SocketFiles;
import org.jparallel.wire.bulk.BulkFetcher;
import org.jparallel.wire.bulk.BulkLease;
import org.jparallel.wire.bulk.BulkListener;

/**
 * The engine's end of the bulk channel: its listener, which offers the big arrays of its pull replies and held
 * results, and the fetcher for those that clients and other engines offer it. Each transfer is logged. A cluster
 * without a key has none: everything rides ZeroMQ.
 */
final class EngineBulk implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EngineBulk.class.getName());
    /** How long a pulled array waits for its client to fetch it (it is fetched when the result is read). */
    static final Duration PULL_OFFER = Duration.ofMinutes(10);

    private final BulkListener listener;
    private final BulkFetcher fetcher;
    /** Pull leases made since the last request began (only the execution thread uses it). */
    private final List<BulkLease> unsettledPulls = new ArrayList<>();

    private EngineBulk(BulkListener listener, BulkFetcher fetcher) {
        this.listener = listener;
        this.fetcher = fetcher;
    }

    static EngineBulk open(EngineConnection connection) {
        HmacSigner signer = HmacSigner.create(connection.signatureScheme(),
                connection.key().getBytes(StandardCharsets.UTF_8));
        if (!signer.enabled()) {
            return new EngineBulk(null, null);
        }
        try {
            BulkListener listener = BulkListener.open(ListenAddress.routeTarget(connection.ip(), connection.location()),
                    SocketFiles.bulkSocketBeside(connection.unixSocket()), signer, Level.INFO);
            LOG.info("bulk channel listening on " + listener.host() + ":" + listener.port());
            return new EngineBulk(listener, new BulkFetcher(signer, listener, Level.INFO));
        } catch (UncheckedIOException e) {
            LOG.warning(e.getMessage() + "; big values will go through the controller");
            return new EngineBulk(null, null);
        }
    }

    /** Fetches arrays offered to this engine, or null without a bulk channel. */
    BulkFetcher fetcher() {
        return fetcher;
    }

    /** A lease for a held result's arrays: fetched any number of times until the result is released. */
    BulkLease forResult() {
        return listener == null ? null : listener.lease(0, null);
    }

    /**
     * A lease for a pull reply's arrays: each fetched once, by the client that pulled, within {@link #PULL_OFFER}.
     * The arrays are offered as they are, not copied, until {@link #settlePulls()}.
     */
    BulkLease forPull() {
        if (listener == null) {
            return null;
        }
        BulkLease lease = listener.lease(1, PULL_OFFER);
        unsettledPulls.add(lease);
        return lease;
    }

    /**
     * Before a request that may change variables runs: a pulled array its client has not fetched yet is copied,
     * so the client gets the value as it was when pulled (a client that reads its pull at once costs nothing).
     */
    void settlePulls() {
        if (unsettledPulls.isEmpty()) {
            return;
        }
        try {
            for (BulkLease lease : unsettledPulls) {
                lease.settle();
            }
        } catch (InterruptedException e) {
            // no time to copy: withdraw them rather than let a changed array go out as the pulled value
            unsettledPulls.forEach(BulkLease::close);
        } finally {
            unsettledPulls.clear();
        }
    }

    @Override
    public void close() {
        if (listener != null) {
            listener.close();
        }
    }
}

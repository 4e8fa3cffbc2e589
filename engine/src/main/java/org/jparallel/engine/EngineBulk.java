package org.jparallel.engine;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jparallel.wire.HmacSigner;
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
            BulkListener listener = BulkListener.open(connection.ip(), signer, Level.INFO);
            LOG.info("bulk channel listening on " + listener.host() + ":" + listener.port());
            return new EngineBulk(listener, new BulkFetcher(signer, listener, Level.INFO));
        } catch (UncheckedIOException e) {
            LOG.warning(e.getMessage() + "; big values will ride ZeroMQ");
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

    /** A lease for a pull reply's arrays: each fetched once, by the client that pulled, within {@link #PULL_OFFER}. */
    BulkLease forPull() {
        return listener == null ? null : listener.lease(1, PULL_OFFER);
    }

    @Override
    public void close() {
        if (listener != null) {
            listener.close();
        }
    }
}

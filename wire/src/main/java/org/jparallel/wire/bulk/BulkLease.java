package org.jparallel.wire.bulk;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The offers made for one message, withdrawn together when whoever sent it no longer needs them (the request
 * was answered, the held result released). Closing is idempotent.
 *
 * <pre>{@code
 * BulkLease lease = listener.lease(1, Duration.ofMinutes(10));
 * BulkRef ref = lease.offer(payload);
 * ...
 * lease.close();
 * }</pre>
 */
public final class BulkLease implements AutoCloseable {
    private final BulkListener listener;
    private final int fetches;
    private final long expiresAtNanos;
    private final List<String> tokens = new ArrayList<>();
    private final List<Offer> offers = new ArrayList<>();
    private long bytes;
    private boolean closed;

    BulkLease(BulkListener listener, int fetches, long expiresAtNanos) {
        this.listener = listener;
        this.fetches = fetches;
        this.expiresAtNanos = expiresAtNanos;
    }

    /** Offers a value until this lease closes (or its fetches are spent, or it expires); the reference to send. */
    public synchronized BulkRef offer(Payload payload) {
        if (closed) {
            throw new IllegalStateException("this bulk lease is closed");
        }
        byte[] token = Handshake.token();
        String key = HexFormat.of().formatHex(token);
        Offer offer = new Offer(payload, this, fetches, expiresAtNanos);
        listener.add(key, offer);
        tokens.add(key);
        offers.add(offer);
        bytes += payload.bytes();
        return new BulkRef(listener.host(), listener.port(), listener.socketFile(), token, payload.bytes());
    }

    /** The bytes of all values offered under this lease. */
    public synchronized long bytes() {
        return bytes;
    }

    /** Whether nothing was offered. */
    public synchronized boolean isEmpty() {
        return tokens.isEmpty();
    }

    /**
     * Makes the offers independent of their sources from now on: waits for the fetches under way, then copies
     * what may still be fetched. Call it before the sources may change (an engine's next request may change
     * the array it pulled).
     */
    public void settle() throws InterruptedException {
        List<Offer> now;
        synchronized (this) {
            if (closed) {
                return;
            }
            now = List.copyOf(offers);
        }
        for (Offer offer : now) {
            offer.settle();
        }
    }

    @Override
    public void close() {
        List<String> withdrawn;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            withdrawn = List.copyOf(tokens);
        }
        withdrawn.forEach(listener::remove);
    }
}

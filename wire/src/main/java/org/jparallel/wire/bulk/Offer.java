package org.jparallel.wire.bulk;

/** One offered value: what it is, how many more fetches it allows, until when, and the lease that owns it. */
final class Offer {
    final Payload payload;
    final BulkLease lease;
    private int fetchesLeft;
    private final long expiresAtNanos;

    /** @param fetches how many fetches it allows, 0 for any number */
    Offer(Payload payload, BulkLease lease, int fetches, long expiresAtNanos) {
        this.payload = payload;
        this.lease = lease;
        this.fetchesLeft = fetches == 0 ? -1 : fetches;
        this.expiresAtNanos = expiresAtNanos;
    }

    /** Takes one fetch; false when none is left or the offer expired. */
    synchronized boolean claim(long nowNanos) {
        if (fetchesLeft == 0 || expired(nowNanos)) {
            return false;
        }
        if (fetchesLeft > 0) {
            fetchesLeft--;
        }
        return true;
    }

    synchronized boolean spent(long nowNanos) {
        return fetchesLeft == 0 || expired(nowNanos);
    }

    private boolean expired(long nowNanos) {
        return nowNanos - expiresAtNanos > 0;
    }
}

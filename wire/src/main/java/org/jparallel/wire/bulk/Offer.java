package org.jparallel.wire.bulk;

/**
 * One offered value: what it is, how many more fetches it allows, until when, the lease that owns it, and the
 * fetches under way (a lease settles only once they are done).
 */
final class Offer {
    final BulkLease lease;
    private Payload payload;
    private int fetchesLeft;
    private int sending;
    private final long expiresAtNanos;

    /** @param fetches how many fetches it allows, 0 for any number */
    Offer(Payload payload, BulkLease lease, int fetches, long expiresAtNanos) {
        this.payload = payload;
        this.lease = lease;
        this.fetchesLeft = fetches == 0 ? -1 : fetches;
        this.expiresAtNanos = expiresAtNanos;
    }

    /** Takes one fetch: the payload to send, then {@link #sent()}; null when none is left or the offer expired. */
    synchronized Payload claim(long nowNanos) {
        if (fetchesLeft == 0 || expired(nowNanos)) {
            return null;
        }
        if (fetchesLeft > 0) {
            fetchesLeft--;
        }
        sending++;
        return payload;
    }

    synchronized void sent() {
        sending--;
        notifyAll();
    }

    synchronized boolean spent(long nowNanos) {
        return fetchesLeft == 0 || expired(nowNanos);
    }

    /** Waits for the fetches under way, then, if more may come, offers a copy from now on. */
    synchronized void settle() throws InterruptedException {
        while (sending > 0) {
            wait();
        }
        if (!spent(System.nanoTime())) {
            payload = payload.snapshot();
        }
    }

    private boolean expired(long nowNanos) {
        return nowNanos - expiresAtNanos > 0;
    }
}

package org.jparallel.wire.bulk;

/**
 * A value on the bulk channel could not be fetched: its sender is gone, refused the fetch (the offer ended:
 * it was fetched already, released or expired; or the proof was not made with this cluster's key), or the
 * connection broke.
 *
 * <pre>{@code
 * try { fetcher.fetch(ref, sink); } catch (BulkTransferException e) { log(e.getMessage()); }
 * }</pre>
 */
public class BulkTransferException extends RuntimeException {
    public BulkTransferException(String message) {
        super(message);
    }

    public BulkTransferException(String message, Throwable cause) {
        super(message, cause);
    }
}

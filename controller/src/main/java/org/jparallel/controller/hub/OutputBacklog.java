package org.jparallel.controller.hub;

import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Keeps engines' output from piling up in the controller for a client that reads more slowly than engines print:
 * past {@value #MAX_BACKLOG_BYTES} bytes not yet taken by a client's socket, its {@code stream} messages are
 * dropped, as ZeroMQ's high-water mark drops ipyparallel's output and Jupyter's server drops a kernel's past its
 * data rate; the next one that goes says how much was dropped. Replies are never dropped. Used on the hub's thread.
 */
final class OutputBacklog {
    private static final Logger LOG = Logger.getLogger(OutputBacklog.class.getName());
    static final long MAX_BACKLOG_BYTES = 32L << 20;

    private final Links links;
    /** Bytes of output dropped per client (by its identity's key) since the last note. */
    private final Map<String, Long> dropped = new HashMap<>();

    OutputBacklog(Links links) {
        this.links = links;
    }

    /** Whether this output for {@code client} goes: false when the client is too far behind. */
    boolean admits(byte[] client, String clientKey, long bytes) {
        if (links.clientBacklog(client) <= MAX_BACKLOG_BYTES) {
            return true;
        }
        Long before = dropped.merge(clientKey, bytes, Long::sum) - bytes;
        if (before == 0) {
            LOG.warning("a client reads output more slowly than engines print it: dropping its output until it"
                    + " catches up");
        }
        return false;
    }

    /** The bytes dropped for this client since the last call, which a note to it should tell; 0 for none. */
    long takeDropped(String clientKey) {
        Long bytes = dropped.remove(clientKey);
        return bytes == null ? 0 : bytes;
    }
}

package org.jparallel.controller.records;

import java.util.List;

/**
 * A task's request as its client sent it, kept with the task's record so that any client can run the task again
 * ({@code resubmit_request}, ipyparallel's {@code rc.resubmit}), even from a controller restarted on a SQLite store.
 *
 * <p>The frames are kept as they came, never copied: the controller keeps one per task.
 *
 * @param header   the request's header frame (JSON)
 * @param metadata its metadata frame (JSON: the scheduling flags)
 * @param content  its content frame (JSON)
 * @param buffers  its buffers: the encoded function and arguments of an {@code apply_request}
 */
public record KeptRequest(byte[] header, byte[] metadata, byte[] content, List<byte[]> buffers) {
    /**
     * The most a request may weigh to be kept: a record holds it as long as the task's result, and the controller
     * must not grow by every pushed array (a task is resubmitted for its function, rarely for a big argument).
     */
    public static final long MAX_BYTES = 1 << 20;

    public KeptRequest {
        buffers = List.copyOf(buffers);
    }

    /** Roughly what it holds in memory. */
    public long bytes() {
        long total = header.length + metadata.length + content.length;
        for (byte[] buffer : buffers) {
            total += buffer.length;
        }
        return total;
    }
}

package org.jparallel.controller.records;

import java.util.List;

/**
 * What the controller remembers of one finished task: where and when it ran, how it ended, what it
 * printed, and its reply (content JSON and raw buffers, as the engine sent them, never decoded).
 *
 * @param msgId     the id of the request
 * @param msgType   the request's type, e.g. {@code apply_request}
 * @param label     the task's label ({@code metadata.label}); empty for none
 * @param engineId  the engine that ran it, or -1 when none did (aborted while queued)
 * @param status    {@code ok}, {@code error} or {@code aborted}
 * @param submitted when the controller received the request (ISO time)
 * @param started   when the engine began it, or null
 * @param completed when it ended
 * @param content   the reply's content, as JSON text
 * @param stdout    what it printed to {@code System.out}
 * @param stderr    what it printed to {@code System.err}
 * @param buffers   the reply's buffers (the encoded value of an {@code apply_reply})
 * @param request   the request, kept for running the task again; null when it was not kept (larger than
 *                  {@link KeptRequest#MAX_BYTES}, or its arrays rode its client's bulk channel)
 */
public record TaskRecord(String msgId, String msgType, String label, int engineId, String status, String submitted,
                         String started, String completed, String content, String stdout, String stderr,
                         List<byte[]> buffers, KeptRequest request) {
    public TaskRecord {
        buffers = List.copyOf(buffers);
        label = label == null ? "" : label;
    }

    /** This record without its kept request: the task can no longer run again from it. */
    public TaskRecord withoutRequest() {
        return new TaskRecord(msgId, msgType, label, engineId, status, submitted, started, completed, content, stdout,
                stderr, buffers, null);
    }

    /** Roughly what the record holds in memory: its texts and buffers. */
    public long bytes() {
        long total = 256L + content.length() + stdout.length() + stderr.length();
        for (byte[] buffer : buffers) {
            total += buffer.length;
        }
        return request == null ? total : total + request.bytes();
    }
}

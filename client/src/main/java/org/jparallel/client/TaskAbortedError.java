package org.jparallel.client;

import java.util.List;

/**
 * A task was aborted (by {@link Client#abort()} or {@link AsyncResult#abort()}) before it started.
 *
 * <pre>{@code
 * AsyncResult<Integer> ar = lv.apply(() -> slow());
 * rc.abort();
 * ar.get();   // throws TaskAbortedError: [?:apply] TaskAborted: aborted before it ran
 * }</pre>
 */
public final class TaskAbortedError extends RemoteError {
    public TaskAbortedError(int engineId, String method) {
        super(engineId, method, "TaskAborted", "aborted before it ran", List.of());
    }
}

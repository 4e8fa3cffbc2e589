package org.jparallel.client;

import java.util.List;

/**
 * Where the controller's records put some tasks: still pending, completed (ok, failed or aborted), or unknown
 * (never submitted to this controller, or purged since).
 *
 * <pre>{@code
 * ResultStatus s = rc.resultStatus(ar.msgIds());
 * s.completed();   // [0b6c…]: get it with rc.getResult(id), from any client
 * }</pre>
 */
public record ResultStatus(List<String> pending, List<String> completed, List<String> unknown) {
    public ResultStatus {
        pending = List.copyOf(pending);
        completed = List.copyOf(completed);
        unknown = List.copyOf(unknown);
    }
}

package org.jparallel.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether the recent requests this engine answered succeeded, for the tasks the controller sent to wait
 * behind them here ({@link org.jparallel.wire.RunAfter}). Thread-safe: the execution thread answers most
 * requests, the socket thread those aborted before they ran.
 */
final class RanHere {
    /** Far more than the few tasks that wait behind others on one engine at a time. */
    private static final int KEPT = 4096;

    private final Map<String, Boolean> succeeded = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > KEPT;
        }
    };

    synchronized void answered(String msgId, boolean success) {
        succeeded.put(msgId, success);
    }

    /** Whether all of these were answered here, each a success. */
    synchronized boolean allSucceeded(List<String> msgIds) {
        for (String msgId : msgIds) {
            if (!Boolean.TRUE.equals(succeeded.get(msgId))) {
                return false;
            }
        }
        return true;
    }
}

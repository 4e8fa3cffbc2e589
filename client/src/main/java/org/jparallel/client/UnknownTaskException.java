package org.jparallel.client;

/**
 * The controller has no record of a task: it was never submitted to this cluster, or its record was purged
 * (by {@code purgeResults}, or as the oldest when the in-memory records were full).
 *
 * <pre>{@code
 * try {
 *     rc.getResult(msgId);
 * } catch (UnknownTaskException e) {
 *     // start the cluster with `jpcluster start --db sqlite` to keep records across restarts
 * }
 * }</pre>
 */
public final class UnknownTaskException extends ClusterException {
    public UnknownTaskException(String msgId) {
        super("the controller has no record of task " + msgId + ": it was never submitted to this cluster, or "
                + "its record was purged (the oldest go first when the records are full)");
    }
}

package org.jparallel.client;

/**
 * A problem between this client and its cluster (not in user code): the cluster is gone, does not
 * answer, or has no such engine. The message says what to do.
 *
 * <pre>{@code
 * try {
 *     rc.engine(7);
 * } catch (ClusterException e) {
 *     System.out.println(e.getMessage());   // there is no engine 7: the cluster has engines [0, 1, 2, 3]
 * }
 * }</pre>
 */
public class ClusterException extends RuntimeException {
    public ClusterException(String message) {
        super(message);
    }

    public ClusterException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.jparallel.controller.launch;

/**
 * A cluster could not be started, stopped or reached; the message says why and what to do.
 *
 * <pre>{@code
 * try {
 *     launcher.start("default", 4, ClusterOptions.defaults());
 * } catch (ClusterAlreadyRunningException e) {
 *     launcher.stop("default");
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

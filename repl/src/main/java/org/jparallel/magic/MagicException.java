package org.jparallel.magic;

/**
 * A magic that could not do its job for a reason the user can fix, shown as {@code ename: message}
 * without a Java stack trace, e.g. {@code ClusterError: no cluster is running: start one with
 * %cluster start -n 4}.
 */
public final class MagicException extends Exception {
    private final String ename;

    public MagicException(String ename, String message) {
        super(message);
        this.ename = ename;
    }

    /** The error's name as the notebook shows it. */
    public String ename() {
        return ename;
    }
}

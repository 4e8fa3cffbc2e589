package org.jparallel.wire;

/** A connection file that is missing or cannot be used; the message says which and why, in one line. */
public final class ConnectionFileException extends Exception {
    public ConnectionFileException(String message) {
        super(message);
    }
}

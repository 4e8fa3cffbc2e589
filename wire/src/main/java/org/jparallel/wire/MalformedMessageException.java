package org.jparallel.wire;

/**
 * A message that must not be acted on: missing frames, a bad or replayed signature, or invalid JSON.
 * The receiver drops it and logs the reason.
 */
public final class MalformedMessageException extends Exception {
    public MalformedMessageException(String reason) {
        super(reason);
    }

    public MalformedMessageException(String reason, Throwable cause) {
        super(reason, cause);
    }
}

package org.jparallel.wire;

import java.util.Optional;

/**
 * A message that must not be acted on: missing frames, a bad or replayed signature, or invalid JSON.
 * The receiver drops it and logs the reason.
 *
 * <p>A message correctly signed, with a valid header but another dict that is not JSON, came from a
 * holder of the key (a buggy client, not a forger): {@link #answerable()} then gives its identities and
 * header, so that a receiver whose sender waits for a reply can send one with the reason.
 */
public final class MalformedMessageException extends Exception {
    private final transient Message answerable;

    public MalformedMessageException(String reason) {
        this(reason, null, null);
    }

    public MalformedMessageException(String reason, Throwable cause) {
        this(reason, cause, null);
    }

    private MalformedMessageException(String reason, Throwable cause, Message answerable) {
        super(reason, cause);
        this.answerable = answerable;
    }

    /** The same reason, for a signed message whose identities and header can be answered. */
    MalformedMessageException answerableAs(Message request) {
        return new MalformedMessageException(getMessage(), this, request);
    }

    /**
     * The signed message's identities and header (its other dicts empty), when it can be answered: not
     * for a bad or replayed signature, missing frames or an unreadable header.
     */
    public Optional<Message> answerable() {
        return Optional.ofNullable(answerable);
    }
}

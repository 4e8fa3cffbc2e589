package org.jparallel.magic;

/** Wrong arguments to a magic: the user sees this message followed by the magic's usage. */
public final class MagicUsageException extends Exception {
    public MagicUsageException(String message) {
        super(message);
    }
}

package org.jparallel.wire.link;

import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * A warning that a flood would repeat thousands of times a second (a peer opening connections without end): logged
 * at most once per interval, with how often it came meanwhile. Not thread-safe: one per loop thread.
 */
final class ThrottledWarning {
    private final Logger log;
    private final long intervalNanos;
    private long loggedAt;
    private int unlogged;

    ThrottledWarning(Logger log, long intervalSeconds) {
        this.log = log;
        this.intervalNanos = TimeUnit.SECONDS.toNanos(intervalSeconds);
        this.loggedAt = System.nanoTime() - intervalNanos;
    }

    void warn(String message) {
        long now = System.nanoTime();
        if (now - loggedAt < intervalNanos) {
            unlogged++;
            return;
        }
        log.warning(message + (unlogged == 0 ? "" : " (and " + unlogged + " times since the last such warning)"));
        loggedAt = now;
        unlogged = 0;
    }
}

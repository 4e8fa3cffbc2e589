package org.jparallel.client;

/**
 * Flags a {@link LoadBalancedView} uses until this is closed; then it goes back to the flags it had.
 *
 * <pre>{@code
 * try (TemporaryFlags scope = lv.tempFlags(TaskFlags.NONE.withRetries(3))) {
 *     lv.apply(() -> flakyStep());
 * }
 * }</pre>
 */
public final class TemporaryFlags implements AutoCloseable {
    private final Runnable restore;
    private boolean closed;

    TemporaryFlags(Runnable restore) {
        this.restore = restore;
    }

    /** Puts the view's previous flags back; closing twice does nothing. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            restore.run();
        }
    }
}

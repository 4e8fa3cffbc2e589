package org.jparallel.engine;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Holds the engine's session, opened in the background so that the engine registers at once and
 * its first request waits only for what is left of the warm-up.
 */
final class SessionSlot implements AutoCloseable {
    private final Supplier<EngineSession> opener;
    private volatile CompletableFuture<EngineSession> session;

    SessionSlot(Supplier<EngineSession> opener) {
        this.opener = opener;
        this.session = openInBackground();
    }

    /** The session, waiting for it to open. */
    EngineSession get() {
        return session.join();
    }

    /** Stops the running code, if the session is open; safe from any thread. */
    void stop() {
        CompletableFuture<EngineSession> current = session;
        if (current.isDone() && !current.isCompletedExceptionally()) {
            current.join().java().stop();
        }
    }

    /** Closes the session and opens a fresh one; called between requests, from the execution thread. */
    void reset() {
        session.thenAccept(EngineSession::close);
        session = CompletableFuture.completedFuture(opener.get());
    }

    private CompletableFuture<EngineSession> openInBackground() {
        CompletableFuture<EngineSession> future = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                future.complete(opener.get());
            } catch (RuntimeException | Error e) {
                future.completeExceptionally(e);
            }
        }, "jparallel-jshell-startup");
        thread.setDaemon(true);
        thread.start();
        return future;
    }

    @Override
    public void close() {
        session.thenAccept(EngineSession::close);
    }
}

package org.jparallel.engine;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Holds the engine's JShell session, opened in the background once the engine has nothing to do, or at once
 * by the first request that needs it ({@code execute}, {@code push}, {@code pull}).
 *
 * <p>Why not at start: opening a session runs javac for seconds of CPU, and the JIT compiles javac for seconds
 * more. An engine started into a stream of {@code apply} tasks, which never need JShell, served them at a
 * fraction of its speed while that went on, four engines to two cores. An engine started and left idle (a
 * notebook, between cells) opens its session as before, before the first cell comes.
 */
final class SessionSlot implements AutoCloseable {
    private final Supplier<EngineSession> opener;
    private CompletableFuture<EngineSession> session; // null until opened; guarded by this
    private boolean stopWhenOpen; // guarded by this

    SessionSlot(Supplier<EngineSession> opener) {
        this.opener = opener;
    }

    /** Starts opening the session in the background, unless it is open or opening. */
    void open() {
        opening();
    }

    /** The session, opening it or waiting for it to open. */
    EngineSession get() {
        return opening().join();
    }

    /** The session if it is open: requests that can do without one do not wait for it. */
    Optional<EngineSession> ifOpen() {
        CompletableFuture<EngineSession> current = current();
        return current != null && current.isDone() && !current.isCompletedExceptionally()
                ? Optional.of(current.join()) : Optional.empty();
    }

    /**
     * Stops the running code; safe from any thread. While the session still opens, the request waiting for it is
     * to stop as soon as it has it (see {@link #takeStopWhenOpen}): an interrupt of a cluster's first {@code %px}
     * comes while its engines still open their sessions.
     */
    void stop() {
        Optional<EngineSession> open = ifOpen();
        if (open.isPresent()) {
            open.get().interrupt();
        } else {
            synchronized (this) {
                stopWhenOpen = true;
            }
        }
    }

    /** Whether a stop came while the session opened, forgetting it: once per request, as it starts and runs. */
    synchronized boolean takeStopWhenOpen() {
        boolean stop = stopWhenOpen;
        stopWhenOpen = false;
        return stop;
    }

    /** Closes the session; the next one opens when the engine is idle or a request needs it. */
    synchronized void reset() {
        if (session != null) {
            session.thenAccept(EngineSession::close);
            session = null;
        }
    }

    private synchronized CompletableFuture<EngineSession> current() {
        return session;
    }

    private synchronized CompletableFuture<EngineSession> opening() {
        if (session == null) {
            session = openInBackground();
        }
        return session;
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
    public synchronized void close() {
        if (session != null) {
            session.thenAccept(EngineSession::close);
        }
    }
}

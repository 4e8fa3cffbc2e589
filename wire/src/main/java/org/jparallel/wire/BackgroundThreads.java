package org.jparallel.wire;

import java.util.concurrent.ThreadFactory;

/**
 * Daemon threads for jparallel's own long-lived work (a link's selector loop, the bulk channel's listener, a
 * result poller), made in the JVM's top thread group whatever thread asks for them.
 *
 * <p>Why not the asking thread's group, as {@code new Thread} does: JShell's local execution runs each cell
 * on a thread of a new group and then joins every thread that group holds right after the cell started. A
 * cell quick enough to start one of ours before that count (its first {@code applyAsync} opens the bulk
 * channel; {@code Client.connect()} starts a link) had the cell wait for a thread that never ends: the
 * kernel, or a test driving JShell, hung at random.
 *
 * <pre>{@code
 * Thread loop = BackgroundThreads.daemon("jparallel-client", this::run);
 * loop.start();
 * ExecutorService pool = Executors.newCachedThreadPool(BackgroundThreads.factory("jparallel-bulk-serve"));
 * }</pre>
 */
public final class BackgroundThreads {
    private BackgroundThreads() {
    }

    /** A daemon thread, not started, in the top thread group. */
    public static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(topGroup(), body, name);
        thread.setDaemon(true);
        return thread;
    }

    /**
     * A daemon thread, not started, that delivers messages (a link's or a socket's loop): see
     * {@link #onDeliveringThread()}.
     */
    public static Thread delivering(String name, Runnable body) {
        Thread thread = new DeliveringThread(topGroup(), body, name);
        thread.setDaemon(true);
        return thread;
    }

    /**
     * Whether this thread delivers messages: a wait on it for an answer would never end, since the answer
     * comes through it. Callbacks run there ({@code AsyncResult.onDone}, a listener), so waits check.
     */
    public static boolean onDeliveringThread() {
        return Thread.currentThread() instanceof DeliveringThread;
    }

    /** Makes {@link #daemon} threads, for executors. */
    public static ThreadFactory factory(String name) {
        return body -> daemon(name, body);
    }

    private static final class DeliveringThread extends Thread {
        DeliveringThread(ThreadGroup group, Runnable body, String name) {
            super(group, body, name);
        }
    }

    private static ThreadGroup topGroup() {
        ThreadGroup group = Thread.currentThread().getThreadGroup();
        while (group.getParent() != null) {
            group = group.getParent();
        }
        return group;
    }
}

package org.jparallel.wire.link;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jparallel.wire.BackgroundThreads;

/**
 * The one thread of a {@link LinkServer} or {@link LinkClient}: it accepts, connects, reads, and finishes the
 * writes that the socket could not take at once. Senders write from their own threads ({@link LinkConnection}),
 * so a message costs no hand-off to this thread on its way out.
 */
final class LinkLoop implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LinkLoop.class.getName());

    /** What a registered channel does when the selector says it is ready. */
    interface Ready {
        void ready(SelectionKey key);
    }

    private record Timer(long dueNanos, Runnable task) {
    }

    private final Selector selector;
    private final Thread thread;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>((a, b) -> Long.compare(a.dueNanos, b.dueNanos));
    private volatile boolean running = true;

    LinkLoop(String name) throws IOException {
        this.selector = Selector.open();
        this.thread = BackgroundThreads.delivering("jparallel-" + name, this::run);
        thread.start();
    }

    /** Runs {@code task} on the loop's thread, soon. */
    void execute(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    /** Runs {@code task} on the loop's thread after {@code millis}; only from that thread. */
    void schedule(long millis, Runnable task) {
        timers.add(new Timer(System.nanoTime() + millis * 1_000_000, task));
    }

    /** Registers a channel; only from the loop's thread. */
    SelectionKey register(SelectableChannel channel, int ops, Ready ready) throws ClosedChannelException {
        return channel.register(selector, ops, ready);
    }

    /** Makes the selector see interest changed from another thread. */
    void wake() {
        selector.wakeup();
    }

    boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    private void run() {
        try {
            while (running) {
                long timeout = timeoutMillis();
                if (timeout < 0) {
                    selector.selectNow(LinkLoop::dispatch);
                } else {
                    selector.select(LinkLoop::dispatch, timeout);
                }
                for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
                    task.run();
                }
                long now = System.nanoTime();
                while (!timers.isEmpty() && timers.peek().dueNanos() - now <= 0) {
                    timers.poll().task().run();
                }
            }
        } catch (IOException | RuntimeException | Error e) {
            // Anything else would end the thread with no word in the process's log, leaving it deaf.
            LOG.log(Level.SEVERE, "link loop " + thread.getName() + " died", e);
        } finally {
            for (SelectionKey key : selector.keys()) {
                try {
                    key.channel().close();
                } catch (IOException e) {
                    LOG.log(Level.FINE, "closing a channel", e);
                }
            }
            try {
                selector.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "closing the selector", e);
            }
        }
    }

    private static void dispatch(SelectionKey key) {
        ((Ready) key.attachment()).ready(key);
    }

    private long timeoutMillis() {
        if (!tasks.isEmpty()) {
            return -1; // selectNow
        }
        if (timers.isEmpty()) {
            return 0; // no timeout
        }
        return Math.max(1, (timers.peek().dueNanos() - System.nanoTime()) / 1_000_000);
    }

    /** Stops the thread and closes every channel it has. */
    @Override
    public void close() {
        running = false;
        selector.wakeup();
        if (!inLoop()) {
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

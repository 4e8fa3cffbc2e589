package org.jparallel.wire.zmq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * A thread that owns the receiving side of one ZeroMQ socket: it hands received messages to a
 * {@link Receiver}; {@link #send(List)} writes from the calling thread.
 *
 * <p>ZeroMQ sockets must not be used by two threads at once, so every use of the socket holds one
 * lock, which also carries the memory barrier ZeroMQ asks for when a socket moves between threads.
 * A sender writes at once instead of handing its frames to the loop's thread: that hand-off (a queue
 * and a wake-up) was two thread switches per message on the hot path of every request. The loop
 * thread waits without the lock on the socket's own file descriptor ({@code ZMQ_FD}) in a selector
 * registered once. That descriptor signals only that the socket has commands to process, and any
 * use of the socket may process them, so a sender that finds input waiting wakes the loop.
 * Received messages are handed on after the lock is released: a receiver may send on other loops.
 *
 * <pre>{@code
 * ZMQ.Socket shell = context.createSocket(SocketType.ROUTER);
 * shell.bind("tcp://127.0.0.1:5555");
 * SocketLoop loop = SocketLoop.start(context, shell, "shell", frames -> handle(frames));
 * loop.send(replyFrames);   // from any thread
 * }</pre>
 */
public final class SocketLoop implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SocketLoop.class.getName());
    private static final int BATCH = 64;

    /** Called on the loop's thread with each received multipart message. */
    @FunctionalInterface
    public interface Receiver {
        void received(List<byte[]> frames);
    }

    private final ZContext context;
    private final ZMQ.Socket socket;
    private final Receiver receiver;
    private final ReentrantLock lock = new ReentrantLock();
    private final Selector selector;
    private final Thread thread;
    private volatile boolean running = true;
    private boolean socketClosed; // guarded by lock

    private SocketLoop(ZContext context, ZMQ.Socket socket, String name, Receiver receiver) {
        this.context = context;
        this.socket = socket;
        this.receiver = receiver;
        try {
            this.selector = Selector.open();
            if (receiver != null) {
                SelectableChannel fd = socket.getFD();
                fd.configureBlocking(false);
                fd.register(selector, SelectionKey.OP_READ);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch the socket of " + name, e);
        }
        this.thread = new Thread(this::run, "jparallel-" + name);
        thread.setDaemon(true);
    }

    /**
     * Starts a loop that owns {@code socket} from now on.
     *
     * @param receiver called for each received message, or null for a send-only socket (e.g. PUB)
     */
    public static SocketLoop start(ZContext context, ZMQ.Socket socket, String name, Receiver receiver) {
        SocketLoop loop = new SocketLoop(context, socket, name, receiver);
        loop.thread.start();
        return loop;
    }

    /** Sends a multipart message now, from the calling thread; safe from any thread. Dropped once closed. */
    public void send(List<byte[]> frames) {
        boolean inputWaiting;
        lock.lock();
        try {
            if (socketClosed) {
                return;
            }
            write(frames);
            // The send may have taken the signal of input that arrived meanwhile: the loop would sleep on.
            inputWaiting = receiver != null && Thread.currentThread() != thread
                    && (socket.getEvents() & ZMQ.Poller.POLLIN) != 0;
        } catch (ZMQException e) {
            if (running) {
                LOG.log(Level.WARNING, "sending on " + thread.getName() + " failed", e);
            }
            return;
        } finally {
            lock.unlock();
        }
        if (inputWaiting) {
            selector.wakeup();
        }
    }

    private void run() {
        List<List<byte[]>> batch = new ArrayList<>(BATCH);
        try {
            while (running && !Thread.currentThread().isInterrupted()) {
                if (receiver == null) {
                    selector.select(); // nothing to receive: wait to be closed
                    continue;
                }
                boolean more = receive(batch);
                for (List<byte[]> frames : batch) {
                    deliver(frames);
                }
                batch.clear();
                if (!more) {
                    selector.select(1000);
                    selector.selectedKeys().clear();
                }
            }
        } catch (IOException | ClosedSelectorException | ZMQException e) {
            if (running) {
                LOG.log(Level.WARNING, "socket loop " + thread.getName() + " failed", e);
            }
        } catch (RuntimeException | Error e) {
            // Anything else would end the thread with no word in the process's log, leaving it deaf.
            LOG.log(Level.SEVERE, "socket loop " + thread.getName() + " died", e);
            throw e;
        } finally {
            closeSocket();
        }
    }

    private void write(List<byte[]> frames) {
        int last = frames.size() - 1;
        for (int i = 0; i < last; i++) {
            socket.send(frames.get(i), ZMQ.SNDMORE);
        }
        socket.send(frames.get(last), 0);
    }

    /** Takes up to {@link #BATCH} waiting messages; true when more may be waiting. */
    private boolean receive(List<List<byte[]>> batch) {
        lock.lock();
        try {
            if (socketClosed) {
                return false;
            }
            byte[] first;
            while (batch.size() < BATCH && (first = socket.recv(ZMQ.DONTWAIT)) != null) {
                List<byte[]> frames = new ArrayList<>(8);
                frames.add(first);
                while (socket.hasReceiveMore()) {
                    frames.add(socket.recv(0));
                }
                batch.add(frames);
            }
            return batch.size() == BATCH || (socket.getEvents() & ZMQ.Poller.POLLIN) != 0;
        } finally {
            lock.unlock();
        }
    }

    private void deliver(List<byte[]> frames) {
        try {
            receiver.received(frames);
        } catch (RuntimeException e) {
            // One bad message must not take the socket down with it.
            LOG.log(Level.SEVERE, "handler of " + thread.getName() + " failed", e);
        }
    }

    private void closeSocket() {
        lock.lock();
        try {
            if (!socketClosed) {
                socketClosed = true;
                socket.setLinger(0);
                context.destroySocket(socket);
            }
        } finally {
            lock.unlock();
        }
        try {
            selector.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing the selector of " + thread.getName() + " failed", e);
        }
    }

    /** A sender blocked in ZeroMQ (a full queue to a peer that is gone) must not hold up the process's exit. */
    private void closeSocketUnlessStuck() {
        try {
            if (lock.tryLock(1, TimeUnit.SECONDS)) {
                lock.unlock();
                closeSocket();
            } else {
                LOG.warning("a sender on " + thread.getName() + " is stuck; leaving its socket open");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the thread and closes the socket; what was sent before has been handed to ZeroMQ. */
    @Override
    public void close() {
        running = false;
        selector.wakeup();
        if (Thread.currentThread() != thread) {
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                closeSocketUnlessStuck();
            }
        }
    }
}

package org.jparallel.wire.zmq;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jparallel.wire.BackgroundThreads;
import org.jparallel.wire.FrameReceiver;
import org.jparallel.wire.FrameSender;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * A thread that owns one ZeroMQ socket: it hands received messages to a {@link FrameReceiver} and sends
 * what any other thread queues with {@link #send(List)}.
 *
 * <p>ZeroMQ sockets must not be shared between threads, so other threads never touch the socket:
 * they queue frames and wake the loop through an inproc pair, whose sending end is used under a lock.
 *
 * <pre>{@code
 * ZMQ.Socket shell = context.createSocket(SocketType.ROUTER);
 * shell.bind("tcp://127.0.0.1:5555");
 * SocketLoop loop = SocketLoop.start(context, shell, "shell", frames -> handle(frames));
 * loop.send(replyFrames);   // from any thread
 * }</pre>
 */
public final class SocketLoop implements FrameSender, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SocketLoop.class.getName());
    private static final byte[] WAKE = new byte[0];

    private final ZContext context;
    private final ZMQ.Socket socket;
    private final FrameReceiver receiver;
    private final Queue<List<byte[]>> outbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private final ZMQ.Socket wakeSender;
    private final ZMQ.Socket wakeReceiver;
    private final Thread thread;
    private volatile boolean running = true;

    private SocketLoop(ZContext context, ZMQ.Socket socket, String name, FrameReceiver receiver) {
        this.context = context;
        this.socket = socket;
        this.receiver = receiver;
        String wakeAddress = "inproc://wake-" + name + "-" + UUID.randomUUID();
        this.wakeReceiver = context.createSocket(SocketType.PAIR);
        wakeReceiver.bind(wakeAddress);
        this.wakeSender = context.createSocket(SocketType.PAIR);
        wakeSender.connect(wakeAddress);
        this.thread = BackgroundThreads.delivering("jparallel-" + name, this::run);
    }

    /**
     * Starts a loop that owns {@code socket} from now on.
     *
     * @param receiver called for each received message, or null for a send-only socket (e.g. PUB)
     */
    public static SocketLoop start(ZContext context, ZMQ.Socket socket, String name, FrameReceiver receiver) {
        SocketLoop loop = new SocketLoop(context, socket, name, receiver);
        loop.thread.start();
        return loop;
    }

    /** Queues a multipart message for sending; safe from any thread. */
    @Override
    public void send(List<byte[]> frames) {
        if (Thread.currentThread() == thread) {
            write(frames);
            return;
        }
        outbox.add(frames);
        if (wakePending.compareAndSet(false, true)) {
            synchronized (wakeSender) {
                if (running) {
                    wakeSender.send(WAKE, ZMQ.DONTWAIT);
                }
            }
        }
    }

    private void run() {
        ZMQ.Poller poller = context.createPoller(2);
        int wakeIndex = poller.register(wakeReceiver, ZMQ.Poller.POLLIN);
        int socketIndex = receiver == null ? -1 : poller.register(socket, ZMQ.Poller.POLLIN);
        try {
            while (running && !Thread.currentThread().isInterrupted()) {
                poller.poll(1000);
                if (poller.pollin(wakeIndex)) {
                    while (wakeReceiver.recv(ZMQ.DONTWAIT) != null) {
                        // drained: one wake covers everything queued so far
                    }
                    wakePending.set(false);
                }
                flushOutbox();
                if (socketIndex >= 0 && poller.pollin(socketIndex)) {
                    receiveAvailable();
                }
            }
            flushOutbox();
        } catch (ZMQException e) {
            if (running) {
                LOG.log(Level.WARNING, "socket loop " + thread.getName() + " failed", e);
            }
        } catch (RuntimeException | Error e) {
            // Anything else would end the thread with no word in the process's log, leaving it deaf.
            LOG.log(Level.SEVERE, "socket loop " + thread.getName() + " died", e);
            throw e;
        } finally {
            poller.close();
            socket.setLinger(0);
            context.destroySocket(socket);
            context.destroySocket(wakeReceiver);
        }
    }

    private void flushOutbox() {
        List<byte[]> frames;
        while ((frames = outbox.poll()) != null) {
            write(frames);
        }
    }

    private void write(List<byte[]> frames) {
        int last = frames.size() - 1;
        for (int i = 0; i < last; i++) {
            socket.send(frames.get(i), ZMQ.SNDMORE);
        }
        socket.send(frames.get(last), 0);
    }

    private void receiveAvailable() {
        byte[] first;
        while ((first = socket.recv(ZMQ.DONTWAIT)) != null) {
            List<byte[]> frames = new ArrayList<>(8);
            frames.add(first);
            while (socket.hasReceiveMore()) {
                frames.add(socket.recv(0));
            }
            try {
                receiver.received(frames);
            } catch (RuntimeException e) {
                // One bad message must not take the socket down with it.
                LOG.log(Level.SEVERE, "handler of " + thread.getName() + " failed", e);
            }
        }
    }

    /** Sends what is queued, stops the thread and closes the socket. */
    @Override
    public void close() {
        synchronized (wakeSender) {
            running = false;
            wakeSender.send(WAKE, ZMQ.DONTWAIT);
            context.destroySocket(wakeSender);
        }
        if (Thread.currentThread() != thread) {
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

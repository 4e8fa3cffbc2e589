package org.jparallel.wire.link;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jparallel.wire.FrameReceiver;

/**
 * One TCP connection of a link: reads on its loop's thread; writes on the sender's thread while the socket
 * takes the bytes, and leaves the rest to the loop when it does not. Messages sent while no channel is
 * attached (a client still connecting, or connecting again) wait for the next one, whole.
 */
final class LinkConnection implements LinkLoop.Ready {
    private static final Logger LOG = Logger.getLogger(LinkConnection.class.getName());

    private final LinkLoop loop;
    private final byte[] identity;
    private final FrameReceiver receiver;
    private final Runnable onClosed;
    private static final int GATHER_BUFFERS = 256;

    private final ArrayDeque<ByteBuffer[]> outbox = new ArrayDeque<>();
    /** The bytes of the messages in {@link #outbox}, written or not (guarded by this). */
    private long outboxBytes;
    /** The buffers of one gathering write (guarded by this). */
    private final ByteBuffer[] gather = new ByteBuffer[GATHER_BUFFERS];
    private FrameReader reader;
    private SocketChannel channel;
    private SelectionKey key;
    /** Whether the key asks for OP_WRITE: changed only when needed, since each change costs the loop a syscall. */
    private boolean waitingToWrite;
    /** The most bytes a message received may have, until {@link #unlimit}. */
    private long maxMessageBytes = Long.MAX_VALUE;

    /**
     * @param identity a frame put before every message received (the server's name for this peer), or null
     * @param onClosed runs on the loop's thread when the channel breaks or the peer closes it
     */
    LinkConnection(LinkLoop loop, byte[] identity, FrameReceiver receiver, Runnable onClosed) {
        this.loop = loop;
        this.identity = identity;
        this.receiver = receiver;
        this.onClosed = onClosed;
    }

    /**
     * Takes a connected channel (on the loop's thread) and sends what waited for one.
     *
     * @param registered the channel's key when it is registered already (it connected in the background), or null
     */
    synchronized void attach(SocketChannel channel, SelectionKey registered) throws IOException {
        this.channel = channel;
        this.reader = new FrameReader(identity);
        reader.limit(maxMessageBytes);
        if (registered == null) {
            this.key = loop.register(channel, SelectionKey.OP_READ, this);
        } else {
            this.key = registered;
            registered.interestOps(SelectionKey.OP_READ);
            registered.attach(this);
        }
        this.waitingToWrite = false;
        for (ByteBuffer[] message : outbox) {
            for (ByteBuffer buffer : message) {
                buffer.rewind(); // a message cut off by a broken channel goes again whole
            }
        }
        writeOrWait();
    }

    /** Limits the messages received to {@code bytes} each (see {@link FrameReader#limit}); before {@link #attach}. */
    synchronized void limit(long bytes) {
        maxMessageBytes = bytes;
    }

    /** Lifts the limit: the peer has sent what its receiver vouched for. */
    synchronized void unlimit() {
        maxMessageBytes = Long.MAX_VALUE;
        if (reader != null) {
            reader.limit(Long.MAX_VALUE);
        }
    }

    /** Sends one message; from any thread. */
    void send(List<byte[]> frames) {
        ByteBuffer[] message = FrameWriter.buffers(frames);
        synchronized (this) {
            outbox.add(message);
            outboxBytes += size(message);
            if (outbox.size() == 1 && channel != null) {
                writeOrWait();
            }
        }
    }

    /** Puts one message before those waiting; before {@link #attach}, on the loop's thread. */
    synchronized void sendFirst(List<byte[]> frames) {
        ByteBuffer[] message = FrameWriter.buffers(frames);
        outbox.addFirst(message);
        outboxBytes += size(message);
    }

    /** Whether every message sent has gone to the socket. */
    synchronized boolean drained() {
        return outbox.isEmpty();
    }

    /** The bytes of the messages sent that the socket has not taken whole yet. */
    synchronized long backlog() {
        return outboxBytes;
    }

    /**
     * Waits until the backlog is at most {@code bytes}, or the link is closed, or the thread is interrupted (whose
     * flag stays set): how a sender that could outrun the socket (a loop printing) is held back.
     */
    synchronized void awaitBacklogAtMost(long bytes) {
        if (loop.inLoop()) {
            return; // the loop's own thread is what writes the backlog out: it must never wait for itself
        }
        while (outboxBytes > bytes && channel != null) {
            try {
                wait(100); // also woken as messages leave; the timeout covers a channel that closed meanwhile
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static long size(ByteBuffer[] message) {
        long bytes = 0;
        for (ByteBuffer buffer : message) {
            bytes += buffer.limit();
        }
        return bytes;
    }

    synchronized boolean attached() {
        return channel != null;
    }

    private void writeOrWait() {
        try {
            boolean all = writeOut();
            if (all == waitingToWrite) {
                waitingToWrite = !all;
                key.interestOps(all ? SelectionKey.OP_READ : SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                if (!all && !loop.inLoop()) {
                    loop.wake();
                }
            }
        } catch (IOException | CancelledKeyException e) {
            // The loop sees the broken channel when it next reads, and closes it there.
            LOG.log(Level.FINE, "writing to a broken link", e);
        }
    }

    /**
     * Writes queued messages until the socket takes no more; true when every one went. Messages that queued
     * behind a full socket (a client submitting thousands of tasks at once) go together, up to
     * {@value #GATHER_BUFFERS} buffers per {@code writev}, not one system call each.
     */
    private boolean writeOut() throws IOException {
        while (!outbox.isEmpty()) {
            int count = 0;
            gathering:
            for (ByteBuffer[] message : outbox) {
                for (ByteBuffer buffer : message) {
                    if (buffer.hasRemaining()) {
                        if (count == GATHER_BUFFERS) {
                            break gathering;
                        }
                        gather[count++] = buffer;
                    }
                }
            }
            long written = count == 0 ? 0 : channel.write(gather, 0, count);
            Arrays.fill(gather, 0, count, null);
            boolean left = false;
            while (!outbox.isEmpty() && sent(outbox.peek())) {
                outboxBytes -= size(outbox.poll());
                left = true;
            }
            if (left) {
                notifyAll(); // senders held back by awaitBacklogAtMost
            }
            if (count > 0 && written == 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean sent(ByteBuffer[] message) {
        for (ByteBuffer buffer : message) {
            if (buffer.hasRemaining()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void ready(SelectionKey readyKey) {
        try {
            if (readyKey.isWritable()) {
                synchronized (this) {
                    writeOrWait();
                }
            }
            if (readyKey.isReadable() && !reader.read(channel, this::deliver)) {
                close(null);
            }
        } catch (IOException e) {
            close(e);
        } catch (CancelledKeyException e) {
            close(null);
        } catch (OutOfMemoryError e) {
            // What one peer sent must not end the loop that serves every other connection.
            LOG.severe("closed a link whose message did not fit in memory: " + e.getMessage());
            close(null);
        }
    }

    private String peerAddress() {
        try {
            return String.valueOf(channel.getRemoteAddress());
        } catch (IOException e) {
            return "a peer";
        }
    }

    private void deliver(List<byte[]> frames) {
        try {
            receiver.received(frames);
        } catch (RuntimeException e) {
            // One bad message must not take the connection down with it.
            LOG.log(Level.SEVERE, "handler of a link message failed", e);
        }
    }

    /** Closes the channel (on the loop's thread); queued messages wait for the next one. */
    void close(IOException cause) {
        synchronized (this) {
            if (channel == null) {
                return;
            }
            if (cause instanceof MalformedFramesException) {
                LOG.warning("closed a link from " + peerAddress() + " that sent bytes of another protocol: "
                        + cause.getMessage());
            } else if (cause != null) {
                LOG.log(Level.FINE, "link broke", cause);
            }
            key.cancel();
            try {
                channel.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "closing a link", e);
            }
            channel = null;
            key = null;
            notifyAll(); // a sender held back stops waiting for a socket that is gone
        }
        onClosed.run();
    }
}

package org.jparallel.wire.link;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.List;

/**
 * A connection to a {@link LinkServer} whose messages its owner reads on its own thread, the next one when it
 * wants it: ZeroMQ's PULL end of a one-way pipe. The server addresses it as any peer, by the identity it sees
 * on the message the link sends as it connects.
 *
 * <p>Why not a {@link LinkClient}: there, a loop thread reads and hands each message to whoever handles it,
 * which costs a thread wake-up per message. An engine's execution thread reads its requests from a pull link
 * itself, one context switch fewer per task on the critical path of load-balanced work.
 *
 * <p>Only its owner thread may call {@link #next}; {@link #wake()} and {@link #close()} may come from any.
 * An interrupt of the owner ends a wait (the channel is non-blocking, so it stays open), and every wait after it
 * while the thread's interrupt status stays set: clear it before the next.
 *
 * <pre>{@code
 * try (PullLink link = PullLink.connect(List.of(socketFile, tcpAddress), List.of(hello))) {
 *     while (!stopping) {
 *         List<byte[]> message = link.next(2000);   // null: two seconds passed, or wake() was called
 *         ...
 *     }
 * }
 * }</pre>
 */
public final class PullLink implements AutoCloseable {
    private final SocketChannel channel;
    private final Selector selector;
    private final FrameReader reader = new FrameReader(null);
    private final ArrayDeque<List<byte[]>> arrived = new ArrayDeque<>();

    private PullLink(SocketChannel channel, Selector selector) {
        this.channel = channel;
        this.selector = selector;
    }

    /**
     * Connects to the first of {@code servers} that accepts (each an {@link java.net.InetSocketAddress} or a
     * {@link UnixDomainSocketAddress} of the same server) and sends {@code hello}, whole, before returning.
     *
     * @throws IOException when none accepts
     */
    public static PullLink connect(List<SocketAddress> servers, List<byte[]> hello) throws IOException {
        IOException failure = new IOException("no address to connect to");
        for (SocketAddress server : servers) {
            SocketChannel channel = null;
            try {
                channel = LinkClient.open(server);
                channel.connect(server);
                ByteBuffer[] buffers = FrameWriter.buffers(hello);
                long size = 0;
                for (ByteBuffer buffer : buffers) {
                    size += buffer.remaining();
                }
                for (long written = 0; written < size; ) {
                    written += channel.write(buffers);
                }
                channel.configureBlocking(false);
                Selector selector = Selector.open();
                channel.register(selector, SelectionKey.OP_READ);
                return new PullLink(channel, selector);
            } catch (IOException e) {
                if (channel != null) {
                    channel.close();
                }
                failure = new IOException("cannot connect to " + server + ": " + e.getMessage(), e);
            }
        }
        throw failure;
    }

    /**
     * The next message, waiting up to {@code timeoutMillis} (0: for as long as it takes) for bytes to come.
     * On a thread whose interrupt status is set, it returns null at once (see the type's comment).
     *
     * @return the message's frames, or null when the time passed or {@link #wake()} was called first
     * @throws EOFException when the server closed the connection
     * @throws MalformedFramesException when the server sent bytes of another protocol
     */
    public List<byte[]> next(long timeoutMillis) throws IOException {
        while (arrived.isEmpty()) {
            if (selector.select(timeoutMillis) == 0) {
                return null; // woken, or the time passed: the caller decides what next
            }
            selector.selectedKeys().clear();
            if (!reader.read(channel, arrived::add)) {
                throw new EOFException("the server closed the link");
            }
        }
        return arrived.poll();
    }

    /** Makes a {@link #next} in progress (or the next one) return null at once if no message is there. */
    public void wake() {
        selector.wakeup();
    }

    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            selector.close();
        }
    }
}

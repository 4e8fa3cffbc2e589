package org.jparallel.wire.link;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jparallel.wire.FrameReceiver;
import org.jparallel.wire.FrameSender;

/**
 * The connecting end of a link, as a ZeroMQ DEALER: messages go to the server whenever it is reachable.
 * It connects in the background and again after a broken connection, every
 * {@value #RETRY_MILLIS} ms; messages sent meanwhile wait and go, whole, once it is connected.
 * Given several addresses of the server (its Unix domain socket, then its TCP port), each attempt tries them
 * in that order, so a peer on the server's host uses the socket file and any other peer TCP.
 *
 * <pre>{@code
 * try (LinkClient link = LinkClient.connect(new InetSocketAddress("127.0.0.1", port), "client",
 *         frames -> handle(frames))) {
 *     link.send(List.of(request));
 * }
 * }</pre>
 */
public final class LinkClient implements FrameSender, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LinkClient.class.getName());
    static final long RETRY_MILLIS = 100;

    private final List<SocketAddress> servers;
    private final LinkLoop loop;
    private final LinkConnection connection;
    private volatile boolean closing;
    private boolean everConnected;
    /** The address the current or next attempt uses: an index into {@link #servers}. */
    private int attempt;
    /** The message a connection made again begins with, if any (see {@link #greetAgainWith}). */
    private volatile Supplier<List<byte[]>> greeting;

    private LinkClient(List<SocketAddress> servers, LinkLoop loop, FrameReceiver receiver) {
        this.servers = List.copyOf(servers);
        this.loop = loop;
        this.connection = new LinkConnection(loop, null, receiver, this::lost);
    }

    /** Starts connecting to {@code server}; {@code receiver} gets each message on the client's thread. */
    public static LinkClient connect(InetSocketAddress server, String name, FrameReceiver receiver) throws IOException {
        return connect(List.of(server), name, receiver);
    }

    /**
     * Starts connecting to the first of {@code servers} that accepts (each an {@link InetSocketAddress} or a
     * {@link UnixDomainSocketAddress} of the same server); {@code receiver} gets each message on the
     * client's thread.
     */
    public static LinkClient connect(List<SocketAddress> servers, String name, FrameReceiver receiver) throws IOException {
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("no address to connect to");
        }
        LinkClient client = new LinkClient(servers, new LinkLoop(name), receiver);
        client.loop.execute(client::dial);
        return client;
    }

    private void dial() {
        if (closing) {
            return;
        }
        SocketAddress server = servers.get(attempt);
        SocketChannel channel = null;
        try {
            channel = open(server);
            channel.configureBlocking(false);
            if (channel.connect(server)) {
                connected(channel, null);
            } else {
                SocketChannel pending = channel;
                loop.register(channel, SelectionKey.OP_CONNECT, key -> finishConnect(key, pending));
            }
        } catch (IOException e) {
            retry(channel, e);
        }
    }

    /** An unconnected channel of the server's kind: a Unix domain socket, or TCP without Nagle's delay. */
    static SocketChannel open(SocketAddress server) throws IOException {
        if (server instanceof UnixDomainSocketAddress) {
            return SocketChannel.open(StandardProtocolFamily.UNIX);
        }
        SocketChannel channel = SocketChannel.open();
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        return channel;
    }

    private void finishConnect(SelectionKey key, SocketChannel channel) {
        try {
            if (channel.finishConnect()) {
                connected(channel, key);
            }
        } catch (IOException e) {
            key.cancel();
            retry(channel, e);
        }
    }

    private void connected(SocketChannel channel, SelectionKey key) throws IOException {
        if (everConnected) {
            LOG.info("connected again to " + servers.get(attempt));
            Supplier<List<byte[]>> again = greeting;
            if (again != null) {
                connection.sendFirst(again.get());
            }
        }
        everConnected = true;
        connection.attach(channel, key);
    }

    private void retry(SocketChannel channel, IOException cause) {
        LOG.log(Level.FINE, "cannot connect to " + servers.get(attempt) + "; trying again", cause);
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "closing a failed connection", e);
            }
        }
        attempt = (attempt + 1) % servers.size();
        if (attempt == 0) {
            loop.schedule(RETRY_MILLIS, this::dial);
        } else {
            loop.execute(this::dial);
        }
    }

    private void lost() {
        if (!closing) {
            // Fine, not info: a cluster stopped before its clients closed (a kernel shutting down) says it too.
            LOG.fine("lost the connection to " + servers.get(attempt) + "; connecting again");
            attempt = 0;
            loop.schedule(RETRY_MILLIS, this::dial);
        }
    }

    /**
     * Begins every connection made again after a broken one with the message {@code greeting} makes then (signed
     * anew: a replayed signature is refused): a server vouches for a TCP peer only once it has sent a signed message,
     * and limits its messages until then, so the messages that waited, however big, must not come first.
     */
    public void greetAgainWith(Supplier<List<byte[]>> greeting) {
        this.greeting = greeting;
    }

    /** Sends one message; from any thread. */
    @Override
    public void send(List<byte[]> frames) {
        connection.send(frames);
    }

    /** The bytes sent that the socket has not taken yet: what the peer, or the network, has not kept up with. */
    public long backlog() {
        return connection.backlog();
    }

    /**
     * Blocks until the backlog is at most {@code bytes} (or the link is down, or the thread is interrupted): lets a
     * sender that produces faster than the peer reads wait instead of queueing without bound.
     */
    public void awaitBacklogAtMost(long bytes) {
        connection.awaitBacklogAtMost(bytes);
    }

    /** Waits up to {@code linger} for what was sent to go to the socket, then closes. */
    public void close(Duration linger) {
        long deadline = System.nanoTime() + linger.toNanos();
        while (connection.attached() && !connection.drained() && System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        closing = true;
        loop.close();
    }

    /** Closes at once: what the socket has not taken yet is lost. */
    @Override
    public void close() {
        close(Duration.ZERO);
    }
}

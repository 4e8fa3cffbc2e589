package org.jparallel.wire.link;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jparallel.wire.FrameReceiver;
import org.jparallel.wire.FrameSender;
import org.jparallel.wire.ListenAddress;
import org.jparallel.wire.SocketFiles;

/**
 * The listening end of a link, as a ZeroMQ ROUTER: each message received comes with the sender's identity
 * first, and a message sent goes to the peer its first frame names. A message to a peer that is gone is
 * dropped.
 *
 * <p>The cluster's processes talk over links, not jeromq: a message is one {@code writev} by the thread that
 * sends it and one {@code read} by the loop that receives it, where jeromq put an I/O thread and two
 * signalling pipes on either side. Both ends still sign every message; the link only moves frames.
 *
 * <p>A server may also listen on a Unix domain socket ({@link #listenOn(Path)}): peers on the same host
 * reach it there, at half the CPU and latency of loopback TCP per message (no TCP stack on either side).
 *
 * <p>Anyone who can reach the TCP port can connect, key or not. Until the receiver vouches for a TCP peer
 * ({@link #vouchFor}, once a message of it checked out), its messages may hold {@value #UNPROVEN_MESSAGE_BYTES} bytes
 * each, and the oldest of more than {@value #MAX_UNPROVEN} such peers is closed: a peer without the key can neither
 * fill the heap with messages declared in gigabytes nor hold the process's file descriptors. A Unix domain socket's
 * file is its owner's alone, so its peers are vouched for by that.
 *
 * <pre>{@code
 * LinkServer server = LinkServer.bind("127.0.0.1", "engines", frames -> {
 *     server.send(List.of(frames.get(0), reply));   // frames.get(0): who sent it
 * });
 * int port = server.port();
 * }</pre>
 */
public final class LinkServer implements FrameSender, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LinkServer.class.getName());
    /** The most bytes a TCP peer's message may have until it is vouched for. */
    public static final long UNPROVEN_MESSAGE_BYTES = 1 << 20;
    /** The most TCP peers not yet vouched for; a legitimate one is vouched for at its first message. */
    public static final int MAX_UNPROVEN = 64;
    /** How long a listener rests after a failed accept. */
    static final long ACCEPT_PAUSE_MILLIS = 100;
    private static final long WARNING_SECONDS = 10;

    private final ServerSocketChannel listener;
    private ServerSocketChannel socketListener;
    private Path socketFile;
    private final LinkLoop loop;
    private final FrameReceiver receiver;
    private final Map<Long, LinkConnection> peers = new ConcurrentHashMap<>();
    /** The TCP peers not yet vouched for, oldest first (guarded by itself). */
    private final Map<Long, LinkConnection> unproven = new LinkedHashMap<>();
    private long lastPeer;
    private final ThrottledWarning acceptFailure = new ThrottledWarning(LOG, WARNING_SECONDS);
    private final ThrottledWarning unprovenClosed = new ThrottledWarning(LOG, WARNING_SECONDS);
    private volatile Consumer<byte[]> peerClosed = identity -> { };

    private LinkServer(ServerSocketChannel listener, LinkLoop loop, FrameReceiver receiver) {
        this.listener = listener;
        this.loop = loop;
        this.receiver = receiver;
    }

    /**
     * Listens on {@code ip} at a free port; {@code receiver} gets each message on the server's thread.
     *
     * @param ip an address of this host, or {@code *} or {@code 0.0.0.0} for all of them (ZeroMQ's and
     *           ipyparallel's {@code --ip '*'})
     */
    public static LinkServer bind(String ip, String name, FrameReceiver receiver) throws IOException {
        return bind(ListenAddress.bindable(ip, 0), name, receiver);
    }

    /** Listens on {@code address}; {@code receiver} gets each message on the server's thread. */
    public static LinkServer bind(InetSocketAddress address, String name, FrameReceiver receiver) throws IOException {
        ServerSocketChannel listener = ServerSocketChannel.open();
        try {
            listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            listener.bind(address);
            listener.configureBlocking(false);
            LinkServer server = new LinkServer(listener, new LinkLoop(name), receiver);
            server.loop.execute(() -> server.listen(listener));
            return server;
        } catch (IOException | RuntimeException e) {
            listener.close();
            throw e;
        }
    }

    /**
     * Listens on a Unix domain socket at {@code file} as well, readable and writable by this user only.
     * A file left there by a process that is gone is replaced; the file is removed at {@link #close()}.
     *
     * @return whether it listens there: false where this platform or the path's length (about 100 bytes)
     *         does not allow it, and then peers use TCP
     */
    public synchronized boolean listenOn(Path file) {
        if (socketListener != null) {
            throw new IllegalStateException("already listening on " + socketFile);
        }
        try {
            ServerSocketChannel unix = SocketFiles.listen(file, 0);
            socketListener = unix; // from here on, close() closes it and removes the file
            socketFile = file;
            unix.configureBlocking(false);
            loop.execute(() -> listen(unix));
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            LOG.log(Level.INFO, "no Unix domain socket at " + file + " (" + e + "); peers connect over TCP");
            return false;
        }
    }

    /** The Unix domain socket this server listens on as well, if any. */
    public synchronized Optional<Path> socketFile() {
        return Optional.ofNullable(socketFile);
    }

    public int port() {
        try {
            return ((InetSocketAddress) listener.getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new IllegalStateException("the server is closed", e);
        }
    }

    private void listen(ServerSocketChannel on) {
        try {
            loop.register(on, SelectionKey.OP_ACCEPT, key -> accept(on, key));
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "cannot listen", e);
        }
    }

    private void accept(ServerSocketChannel on, SelectionKey key) {
        try {
            for (SocketChannel channel = on.accept(); channel != null; channel = on.accept()) {
                channel.configureBlocking(false);
                if (on == listener) {
                    channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                }
                long peer = ++lastPeer;
                byte[] identity = ByteBuffer.allocate(Long.BYTES).putLong(peer).array();
                LinkConnection connection = new LinkConnection(loop, identity, receiver, () -> {
                    peers.remove(peer);
                    synchronized (unproven) {
                        unproven.remove(peer);
                    }
                    peerClosed.accept(identity);
                });
                peers.put(peer, connection);
                if (on == listener) {
                    connection.limit(UNPROVEN_MESSAGE_BYTES);
                    closeOldestUnprovenBeyond(MAX_UNPROVEN - 1);
                    synchronized (unproven) {
                        unproven.put(peer, connection);
                    }
                }
                connection.attach(channel, null);
            }
        } catch (IOException e) {
            acceptFailed(key, e);
        }
    }

    /**
     * Out of file descriptors, typically (a peer opening connections by the thousand): the connection stays pending
     * and the selector would report it again at once, so the loop would spin and log on without end. The listener
     * rests a moment instead, the connections it has are served meanwhile, and the log says so once in a while.
     */
    private void acceptFailed(SelectionKey key, IOException e) {
        key.interestOps(0);
        loop.schedule(ACCEPT_PAUSE_MILLIS, () -> {
            if (key.isValid()) {
                key.interestOps(SelectionKey.OP_ACCEPT);
            }
        });
        acceptFailure.warn("accepting a connection failed: " + e + "; " + peers.size() + " peers are connected;"
                + " accepting again in " + ACCEPT_PAUSE_MILLIS + " ms");
    }

    /**
     * Calls {@code listener} with a peer's identity once its connection has closed (the peer closed it, its process
     * died, or the connection broke), on the server's thread: no message will come from or go to it again.
     */
    public void onPeerClosed(Consumer<byte[]> listener) {
        this.peerClosed = listener;
    }

    /** Closes the peers not vouched for, oldest first, until at most {@code kept} are left; on the loop's thread. */
    private void closeOldestUnprovenBeyond(int kept) {
        while (true) {
            LinkConnection oldest;
            synchronized (unproven) {
                if (unproven.size() <= kept) {
                    return;
                }
                Iterator<LinkConnection> first = unproven.values().iterator();
                oldest = first.next();
                first.remove();
            }
            unprovenClosed.warn("closed a link that had sent nothing signed while " + MAX_UNPROVEN + " newer ones"
                    + " had not either: a peer without the cluster's key may be opening connections");
            oldest.close(null);
        }
    }

    /**
     * The receiver vouches for the peer {@code identity} names: a message of it checked out (its signature). Its
     * messages are no longer limited to {@value #UNPROVEN_MESSAGE_BYTES} bytes; from any thread.
     */
    public void vouchFor(byte[] identity) {
        if (identity.length != Long.BYTES) {
            return;
        }
        LinkConnection peer;
        synchronized (unproven) {
            peer = unproven.remove(ByteBuffer.wrap(identity).getLong());
        }
        if (peer != null) {
            peer.unlimit();
        }
    }

    /** Sends {@code frames} minus the first to the peer the first names; from any thread. */
    @Override
    public void send(List<byte[]> frames) {
        byte[] identity = frames.get(0);
        LinkConnection peer = identity.length == Long.BYTES ? peers.get(ByteBuffer.wrap(identity).getLong()) : null;
        if (peer == null) {
            LOG.fine("dropped a message to a peer that is gone");
            return;
        }
        peer.send(frames.subList(1, frames.size()));
    }

    /** The bytes sent to the peer this identity names that its socket has not taken yet; 0 for a peer that is gone. */
    public long backlog(byte[] identity) {
        LinkConnection peer = identity.length == Long.BYTES ? peers.get(ByteBuffer.wrap(identity).getLong()) : null;
        return peer == null ? 0 : peer.backlog();
    }

    /** Closes every connection and the listening sockets, and removes the Unix domain socket's file. */
    @Override
    public void close() {
        loop.close();
        try {
            listener.close(); // the loop closed it, unless it closed before it began to listen
            synchronized (this) {
                if (socketListener != null) {
                    socketListener.close();
                    Files.deleteIfExists(socketFile);
                }
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing the listener", e);
        }
    }
}

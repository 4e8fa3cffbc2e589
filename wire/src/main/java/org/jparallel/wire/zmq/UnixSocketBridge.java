package org.jparallel.wire.zmq;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;

/**
 * Serves a ZeroMQ {@code ipc://} endpoint for a socket that jeromq can only bind over TCP.
 *
 * <p>jeromq 0.6 emulates {@code ipc://} with TCP, so libzmq peers (jupyter_client with
 * {@code transport: ipc}) could not connect. The bridge listens on the Unix domain socket path and
 * relays each connection's bytes to the jeromq socket's loopback TCP port; ZMTP runs end to end
 * through it, so neither side knows.
 *
 * <pre>{@code
 * int port = router.bindToRandomPort("tcp://127.0.0.1");
 * UnixSocketBridge bridge = UnixSocketBridge.open(Path.of("/tmp/kernel-1"), port);
 * }</pre>
 */
public final class UnixSocketBridge implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(UnixSocketBridge.class.getName());
    private static final int BUFFER = 64 * 1024;

    private final Path path;
    private final int tcpPort;
    private final ServerSocketChannel server;
    private final List<SocketChannel> open = new CopyOnWriteArrayList<>();
    private volatile boolean running = true;

    private UnixSocketBridge(Path path, int tcpPort) throws IOException {
        this.path = path;
        this.tcpPort = tcpPort;
        Files.deleteIfExists(path);
        this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
    }

    /** Listens on {@code path} and relays to {@code 127.0.0.1:tcpPort}. */
    public static UnixSocketBridge open(Path path, int tcpPort) throws IOException {
        UnixSocketBridge bridge = new UnixSocketBridge(path, tcpPort);
        Thread acceptor = new Thread(bridge::accept, "jparallel-ipc-" + path.getFileName());
        acceptor.setDaemon(true);
        acceptor.start();
        return bridge;
    }

    private void accept() {
        while (running) {
            try {
                SocketChannel unix = server.accept();
                SocketChannel tcp = SocketChannel.open(new InetSocketAddress("127.0.0.1", tcpPort));
                tcp.socket().setTcpNoDelay(true);
                open.add(unix);
                open.add(tcp);
                pump(unix, tcp);
                pump(tcp, unix);
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (running) {
                    LOG.warning("ipc bridge " + path + ": " + e.getMessage());
                }
            }
        }
    }

    private void pump(SocketChannel from, SocketChannel to) {
        Thread thread = new Thread(() -> {
            ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);
            try {
                while (from.read(buffer) >= 0) {
                    buffer.flip();
                    while (buffer.hasRemaining()) {
                        to.write(buffer);
                    }
                    buffer.clear();
                }
            } catch (IOException e) {
                // The peer went away: closing both ends tells the other side.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "jparallel-ipc-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // already closed
        }
        open.remove(channel);
    }

    @Override
    public void close() {
        running = false;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        open.forEach(this::closeQuietly);
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a stale socket file is replaced at the next bind
        }
    }
}

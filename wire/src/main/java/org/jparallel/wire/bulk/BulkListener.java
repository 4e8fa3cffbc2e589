package org.jparallel.wire.bulk;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jparallel.wire.BackgroundThreads;
import org.jparallel.wire.HmacSigner;
import org.jparallel.wire.ListenAddress;
import org.jparallel.wire.SocketFiles;

/**
 * The bulk channel's listener of one JVM: it serves the values this JVM offers ({@link BulkLease#offer}) to
 * whoever presents a token with a proof made with the cluster key, over a plain TCP connection, chunk by chunk
 * from where the value lives. Anything else is refused and logged. One per JVM (engine, client).
 *
 * <p>Given a socket file, it listens on a Unix domain socket there as well, which fetchers on the same host
 * use: 80 MB take 18–27 ms there against 24–53 ms over loopback TCP on the development machine.
 *
 * <pre>{@code
 * try (BulkListener listener = BulkListener.open("127.0.0.1", signer, Level.FINE)) {
 *     BulkLease lease = listener.lease(1, Duration.ofMinutes(10));
 *     BulkRef ref = lease.offer(Payload.of(bytes));   // send ref.toFrame() in a message
 * }
 * }</pre>
 */
public final class BulkListener implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(BulkListener.class.getName());
    static final int CHUNK_BYTES = 1 << 20;
    static final int HANDSHAKE_TIMEOUT_MILLIS = 10_000;
    private static final long SWEEP_SECONDS = 10;

    private final HmacSigner signer;
    private final ServerSocketChannel server;
    private final ServerSocketChannel socketServer;
    private final Path socketFile;
    private final String host;
    private final int port;
    private final Level transferLevel;
    private final Map<String, Offer> offers = new ConcurrentHashMap<>();
    private final ExecutorService serving = Executors.newCachedThreadPool(BackgroundThreads.factory("jparallel-bulk-serve"));
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(BackgroundThreads.factory("jparallel-bulk-sweep"));

    private BulkListener(HmacSigner signer, ServerSocketChannel server, ServerSocketChannel socketServer,
                         Path socketFile, String host, Level transferLevel) {
        this.signer = signer;
        this.server = server;
        this.socketServer = socketServer;
        this.socketFile = socketFile;
        this.host = host;
        this.port = server.socket().getLocalPort();
        this.transferLevel = transferLevel;
        BackgroundThreads.daemon("jparallel-bulk-accept", () -> accept(server)).start();
        if (socketServer != null) {
            BackgroundThreads.daemon("jparallel-bulk-accept-unix", () -> accept(socketServer)).start();
        }
        sweeper.scheduleWithFixedDelay(this::sweep, SWEEP_SECONDS, SWEEP_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * A listener on the address of this host that reaches {@code clusterIp} (127.0.0.1 for a local cluster), on a
     * free port.
     *
     * @param signer        the cluster's signer; it must have a key (an unsigned cluster has no bulk channel)
     * @param transferLevel the log level of each value served (refusals are always warnings)
     * @throws UncheckedIOException when no port can be bound
     */
    public static BulkListener open(String clusterIp, HmacSigner signer, Level transferLevel) {
        return open(clusterIp, null, signer, transferLevel);
    }

    /**
     * A listener as {@link #open(String, HmacSigner, Level)} opens, and on a Unix domain socket at
     * {@code socketFile} too (mode 0600, replaced if a process that is gone left it, removed at close).
     *
     * @param socketFile where; null, or a path this platform cannot bind, for TCP only
     */
    public static BulkListener open(String clusterIp, Path socketFile, HmacSigner signer, Level transferLevel) {
        if (!signer.enabled()) {
            throw new IllegalArgumentException("the bulk channel needs the cluster key; this cluster has none");
        }
        try {
            InetAddress local = localAddressFor(clusterIp);
            ServerSocketChannel server = ServerSocketChannel.open();
            server.bind(new InetSocketAddress(local, 0), 64);
            ServerSocketChannel socketServer = socketFile == null ? null : bindSocketFile(socketFile);
            return new BulkListener(signer, server, socketServer, socketServer == null ? null : socketFile,
                    local.getHostAddress(), transferLevel);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the bulk channel's listener for " + clusterIp + ": "
                    + e.getMessage(), e);
        }
    }

    private static ServerSocketChannel bindSocketFile(Path file) {
        try {
            return SocketFiles.listen(file, 64);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.log(Level.INFO, "bulk channel: no Unix domain socket at " + file + " (" + e + "); TCP only");
            return null;
        }
    }

    /** The address of this host that the cluster's other processes reach it by: the one routing to clusterIp. */
    static InetAddress localAddressFor(String clusterIp) throws IOException {
        if (ListenAddress.everyInterface(clusterIp)) {
            return InetAddress.getLoopbackAddress();
        }
        InetAddress cluster = InetAddress.getByName(clusterIp);
        if (cluster.isLoopbackAddress()) {
            return InetAddress.getLoopbackAddress();
        }
        if (NetworkInterface.getByInetAddress(cluster) != null) {
            return cluster; // the controller is on this host, on that address
        }
        try (DatagramSocket probe = new DatagramSocket()) {
            probe.connect(cluster, 9); // no packet leaves: this only asks the kernel for the route
            return probe.getLocalAddress();
        }
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** The Unix domain socket it listens on as well, or empty. */
    public String socketFile() {
        return socketFile == null ? "" : socketFile.toString();
    }

    /**
     * A lease for offers that each allow {@code fetches} fetches (0: any number), and expire after
     * {@code expiry} ({@code null}: when the lease closes).
     */
    public BulkLease lease(int fetches, Duration expiry) {
        long expiresAt = expiry == null ? System.nanoTime() + Long.MAX_VALUE / 2 : System.nanoTime() + expiry.toNanos();
        return new BulkLease(this, fetches, expiresAt);
    }

    /** Whether {@code ref} names a value offered by this listener (the fetcher then copies it in memory). */
    boolean owns(BulkRef ref) {
        return ref.port() == port && ref.host().equals(host);
    }

    void add(String token, Offer offer) {
        offers.put(token, offer);
    }

    void remove(String token) {
        offers.remove(token);
    }

    /**
     * The offer of {@code token} with one fetch taken, or null when there is none or it is spent; send
     * {@link Claim#payload()}, then close the claim.
     */
    Claim claim(byte[] token) {
        String key = HexFormat.of().formatHex(token);
        Offer offer = offers.get(key);
        long now = System.nanoTime();
        Payload payload = offer == null ? null : offer.claim(now);
        if (payload == null) {
            return null;
        }
        if (offer.spent(now)) {
            offers.remove(key, offer);
        }
        return new Claim(offer, payload);
    }

    /** One fetch of an offer, under way until closed. */
    record Claim(Offer offer, Payload payload) implements AutoCloseable {
        @Override
        public void close() {
            offer.sent();
        }
    }

    /** How many values are on offer now. */
    public int offered() {
        return offers.size();
    }

    private void sweep() {
        long now = System.nanoTime();
        offers.values().removeIf(offer -> offer.spent(now));
    }

    private void accept(ServerSocketChannel on) {
        while (on.isOpen()) {
            try {
                SocketChannel channel = on.accept();
                serving.execute(() -> serve(channel));
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException | RuntimeException e) {
                if (on.isOpen()) {
                    LOG.log(Level.WARNING, "bulk channel: accepting a connection failed", e);
                }
            }
        }
    }

    private void serve(SocketChannel channel) {
        String peer = "an unknown peer";
        try (channel) {
            SocketAddress remote = channel.getRemoteAddress();
            peer = remote instanceof UnixDomainSocketAddress ? "a process of this host" : String.valueOf(remote);
            byte[] serverNonce = Handshake.nonce();
            writeFully(channel, ByteBuffer.allocate(Handshake.MAGIC.length + 1 + serverNonce.length)
                    .put(Handshake.MAGIC).put((byte) Handshake.VERSION).put(serverNonce).flip());
            DataInputStream in = new DataInputStream(input(channel));
            byte[] token = in.readNBytes(BulkRef.TOKEN_BYTES);
            byte[] clientNonce = in.readNBytes(Handshake.NONCE_BYTES);
            int proofLength = token.length == BulkRef.TOKEN_BYTES && clientNonce.length == Handshake.NONCE_BYTES
                    ? in.read() : -1;
            byte[] proof = proofLength < 0 ? new byte[0] : in.readNBytes(proofLength);
            if (proofLength < 0 || proof.length != proofLength) {
                refuse(channel, peer, "it closed the connection before presenting a token and a proof");
                return;
            }
            if (!Handshake.validFetchProof(signer, proof, serverNonce, clientNonce, token)) {
                refuse(channel, peer, "its proof was not made with the cluster key for this connection");
                return;
            }
            long length;
            long start = System.nanoTime();
            try (Claim claim = claim(token)) {
                if (claim == null) {
                    refuse(channel, peer, "no value is on offer under its token (fetched already, released, "
                            + "expired, or never offered)");
                    return;
                }
                length = claim.payload().bytes();
                byte[] offerProof = Handshake.offerProof(signer, serverNonce, clientNonce, token, length);
                writeFully(channel, ByteBuffer.allocate(1 + 8 + 1 + offerProof.length).put((byte) Handshake.OK)
                        .putLong(length).put((byte) offerProof.length).put(offerProof).flip());
                send(claim.payload(), channel);
            }
            if (LOG.isLoggable(transferLevel)) {
                LOG.log(transferLevel, "bulk channel: sent " + length + " bytes to " + peer + " in "
                        + Transfers.describe(length, System.nanoTime() - start));
            }
        } catch (IOException | RuntimeException e) {
            LOG.warning("bulk channel: serving " + peer + " failed: " + e);
        }
    }

    /**
     * What the handshake reads from: over TCP, the socket's stream, whose reads time out after
     * {@value #HANDSHAKE_TIMEOUT_MILLIS} ms; a Unix domain socket has no such stream, and its peer is a
     * process of this user on this host (the file is 0600).
     */
    static InputStream input(SocketChannel channel) throws IOException {
        if (channel.getRemoteAddress() instanceof UnixDomainSocketAddress) {
            return Channels.newInputStream(channel);
        }
        channel.socket().setTcpNoDelay(true);
        channel.socket().setSoTimeout(HANDSHAKE_TIMEOUT_MILLIS);
        return channel.socket().getInputStream();
    }

    private static void send(Payload payload, SocketChannel channel) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocateDirect(CHUNK_BYTES);
        long total = payload.bytes();
        for (long offset = 0; offset < total; ) {
            int n = (int) Math.min(chunk.capacity(), total - offset);
            chunk.clear().limit(n);
            payload.copyTo(offset, chunk);
            chunk.flip();
            writeFully(channel, chunk);
            offset += n;
        }
    }

    private void refuse(SocketChannel channel, String peer, String reason) throws IOException {
        LOG.warning("bulk channel: refused a fetch from " + peer + ": " + reason);
        writeFully(channel, ByteBuffer.allocate(1).put((byte) Handshake.REFUSED).flip());
    }

    static void writeFully(SocketChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /** Stops listening and withdraws every offer; transfers under way are cut. */
    @Override
    public void close() {
        try {
            server.close();
            if (socketServer != null) {
                socketServer.close();
                Files.deleteIfExists(socketFile);
            }
        } catch (IOException e) {
            LOG.fine("closing the bulk listener: " + e);
        }
        offers.clear();
        serving.shutdownNow();
        sweeper.shutdownNow();
    }
}

package org.jparallel.wire.bulk;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jparallel.wire.HmacSigner;

/**
 * Fetches values offered on the bulk channel: connects to the listener a {@link BulkRef} names, proves it holds
 * the cluster key, checks the listener's proof in turn, then streams the bytes into a {@link Sink}. A value this
 * JVM offers itself is copied in memory, without a connection.
 *
 * <pre>{@code
 * BulkFetcher fetcher = new BulkFetcher(signer, listener, Level.FINE);
 * double[] into = new double[(int) (ref.bytes() / 8)];
 * fetcher.fetch(ref, (offset, chunk) -> chunk.order(LITTLE_ENDIAN).asDoubleBuffer().get(into, (int) (offset / 8), chunk.remaining() / 8));
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class BulkFetcher {
    private static final Logger LOG = Logger.getLogger(BulkFetcher.class.getName());

    private final HmacSigner signer;
    private final BulkListener local;
    private final Level transferLevel;
    private final AtomicLong fetched = new AtomicLong();

    /**
     * @param local         this JVM's listener, whose offers are copied in memory, or null
     * @param transferLevel the log level of each value fetched
     */
    public BulkFetcher(HmacSigner signer, BulkListener local, Level transferLevel) {
        this.signer = signer;
        this.local = local;
        this.transferLevel = transferLevel;
    }

    /** The bytes fetched from other JVMs so far. */
    public long bytesFetched() {
        return fetched.get();
    }

    /**
     * Streams the value {@code ref} names into {@code sink}.
     *
     * @throws BulkTransferException when it cannot: the sender refused (the offer ended, or is not of this
     *                               cluster), is gone, or the connection broke
     */
    public void fetch(BulkRef ref, Sink sink) {
        if (local != null && local.owns(ref)) {
            copyLocally(ref, sink);
            return;
        }
        long start = System.nanoTime();
        try (SocketChannel channel = connect(ref)) {
            DataInputStream in = new DataInputStream(BulkListener.input(channel));
            byte[] magic = new byte[Handshake.MAGIC.length];
            in.readFully(magic);
            if (!Arrays.equals(magic, Handshake.MAGIC) || in.readUnsignedByte() != Handshake.VERSION) {
                throw new BulkTransferException(where(ref) + " is not a jparallel bulk channel");
            }
            byte[] serverNonce = new byte[Handshake.NONCE_BYTES];
            in.readFully(serverNonce);
            byte[] clientNonce = Handshake.nonce();
            byte[] token = ref.token();
            byte[] proof = Handshake.fetchProof(signer, serverNonce, clientNonce, token);
            BulkListener.writeFully(channel, ByteBuffer.allocate(token.length + clientNonce.length + 1 + proof.length)
                    .put(token).put(clientNonce).put((byte) proof.length).put(proof).flip());
            if (in.readUnsignedByte() != Handshake.OK) {
                throw new BulkTransferException(where(ref) + " refused to send a value of " + ref.bytes() + " bytes: "
                        + "it no longer offers it (it is sent once, and only while its request or result lives) "
                        + "or it belongs to another cluster; its log says which");
            }
            long length = in.readLong();
            byte[] offerProof = new byte[in.readUnsignedByte()];
            in.readFully(offerProof);
            if (!Handshake.validOfferProof(signer, offerProof, serverNonce, clientNonce, token, length)) {
                throw new BulkTransferException(where(ref) + " did not prove it holds the cluster key: another "
                        + "process listens where the value's sender did; nothing was read from it");
            }
            if (length != ref.bytes()) {
                throw new BulkTransferException(where(ref) + " offers " + length + " bytes where the message announced "
                        + ref.bytes());
            }
            receive(channel, length, sink);
        } catch (IOException e) {
            throw new BulkTransferException("fetching a value of " + ref.bytes() + " bytes from " + where(ref)
                    + " failed: " + e + "; is the process that sent it still running?", e);
        }
        fetched.addAndGet(ref.bytes());
        if (LOG.isLoggable(transferLevel)) {
            LOG.log(transferLevel, "bulk channel: fetched " + ref.bytes() + " bytes from " + ref.host() + ":"
                    + ref.port() + " in " + Transfers.describe(ref.bytes(), System.nanoTime() - start));
        }
    }

    /** A connection to the value's sender: its Unix domain socket when it has one on this host, else TCP. */
    private static SocketChannel connect(BulkRef ref) throws IOException {
        if (!ref.socketFile().isEmpty() && Files.exists(Path.of(ref.socketFile()))) {
            try {
                return SocketChannel.open(UnixDomainSocketAddress.of(ref.socketFile()));
            } catch (IOException e) {
                LOG.fine("bulk channel: " + ref.socketFile() + " refused (" + e + "); fetching over TCP");
            }
        }
        SocketChannel channel = SocketChannel.open();
        try {
            channel.socket().connect(new InetSocketAddress(ref.host(), ref.port()), BulkListener.HANDSHAKE_TIMEOUT_MILLIS);
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static void receive(SocketChannel channel, long total, Sink sink) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocateDirect(BulkListener.CHUNK_BYTES);
        for (long offset = 0; offset < total; ) {
            int n = (int) Math.min(chunk.capacity(), total - offset);
            chunk.clear().limit(n);
            while (chunk.hasRemaining()) {
                if (channel.read(chunk) < 0) {
                    throw new EOFException("the sender closed the connection after " + (offset + chunk.position())
                            + " of " + total + " bytes");
                }
            }
            chunk.flip();
            sink.copyFrom(offset, chunk);
            offset += n;
        }
    }

    private void copyLocally(BulkRef ref, Sink sink) {
        try (BulkListener.Claim claim = local.claim(ref.token())) {
            if (claim == null) {
                throw new BulkTransferException("this process no longer offers the value of " + ref.bytes()
                        + " bytes (it is sent once, and only while its request or result lives)");
            }
            ByteBuffer chunk = ByteBuffer.allocate(BulkListener.CHUNK_BYTES);
            long total = claim.payload().bytes();
            for (long offset = 0; offset < total; ) {
                int n = (int) Math.min(chunk.capacity(), total - offset);
                chunk.clear().limit(n);
                claim.payload().copyTo(offset, chunk);
                chunk.flip();
                sink.copyFrom(offset, chunk);
                offset += n;
            }
        }
    }

    private static String where(BulkRef ref) {
        return "the bulk channel at " + ref.host() + ":" + ref.port();
    }
}

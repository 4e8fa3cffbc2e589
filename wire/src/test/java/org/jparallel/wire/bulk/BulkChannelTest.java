package org.jparallel.wire.bulk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jparallel.wire.HmacSigner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bulk channel over real sockets: values reach key holders, and nobody else reads or injects. */
class BulkChannelTest {
    private final HmacSigner signer = HmacSigner.create("hmac-sha256", "the cluster key");
    private final List<String> warnings = new ArrayList<>();
    private final Logger log = Logger.getLogger(BulkListener.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                synchronized (warnings) {
                    warnings.add(record.getMessage());
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private BulkListener listener;

    @BeforeEach
    void open() {
        log.addHandler(capture);
        listener = BulkListener.open("127.0.0.1", signer, Level.FINE);
    }

    @AfterEach
    void close() {
        listener.close();
        log.removeHandler(capture);
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new Random(n).nextBytes(bytes);
        return bytes;
    }

    private static byte[] fetch(BulkFetcher fetcher, BulkRef ref) {
        byte[] into = new byte[Math.toIntExact(ref.bytes())];
        fetcher.fetch(ref, (offset, chunk) -> chunk.get(into, (int) offset, chunk.remaining()));
        return into;
    }

    private List<String> warnings() throws InterruptedException {
        Thread.sleep(100); // the listener logs on its serving thread, after answering
        synchronized (warnings) {
            return List.copyOf(warnings);
        }
    }

    @Test
    void aKeyHolderFetchesTheOfferedBytes() {
        byte[] value = randomBytes(3 * BulkListener.CHUNK_BYTES + 5);
        BulkRef ref = listener.lease(0, null).offer(Payload.of(value));
        assertArrayEquals(value, fetch(new BulkFetcher(signer, null, Level.FINE), ref));
    }

    @Test
    void aFetcherOnTheSameHostUsesTheSocketFile(@TempDir Path dir) {
        byte[] value = randomBytes(2 * BulkListener.CHUNK_BYTES + 3);
        try (BulkListener local = BulkListener.open("127.0.0.1", dir.resolve("bulk.sock"), signer, Level.FINE)) {
            BulkRef ref = local.lease(0, null).offer(Payload.of(value));
            assertEquals(dir.resolve("bulk.sock").toString(), ref.socketFile());
            BulkRef noTcp = new BulkRef(ref.host(), unusedPort(), ref.socketFile(), ref.token(), ref.bytes());
            assertArrayEquals(value, fetch(new BulkFetcher(signer, null, Level.FINE), noTcp));
        }
        assertFalse(Files.exists(dir.resolve("bulk.sock")), "removed at close");
    }

    @Test
    void aFetcherFallsBackToTcpWhenTheSocketFileIsGone(@TempDir Path dir) {
        byte[] value = randomBytes(1000);
        BulkRef ref = listener.lease(0, null).offer(Payload.of(value));
        BulkRef elsewhere = new BulkRef(ref.host(), ref.port(), dir.resolve("gone.sock").toString(), ref.token(),
                ref.bytes());
        assertArrayEquals(value, fetch(new BulkFetcher(signer, null, Level.FINE), elsewhere));
    }

    @Test
    void aFetchOverTheSocketFileStillNeedsTheClusterKey(@TempDir Path dir) throws Exception {
        try (BulkListener local = BulkListener.open("127.0.0.1", dir.resolve("bulk.sock"), signer, Level.FINE)) {
            BulkRef ref = local.lease(0, null).offer(Payload.of(randomBytes(1000)));
            BulkFetcher outsider = new BulkFetcher(HmacSigner.create("hmac-sha256", "another key"), null, Level.FINE);
            assertThrows(BulkTransferException.class, () -> fetch(outsider, ref));
        }
        assertTrue(warnings().stream().anyMatch(w -> w.contains("refused a fetch") && w.contains("cluster key")),
                warnings().toString());
    }

    private static int unusedPort() {
        try (ServerSocketChannel probe = ServerSocketChannel.open()) {
            probe.bind(new InetSocketAddress("127.0.0.1", 0));
            return probe.socket().getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aFetchWithoutTheClusterKeyIsRefusedAndLogged() throws Exception {
        BulkRef ref = listener.lease(0, null).offer(Payload.of(randomBytes(1000)));
        BulkFetcher outsider = new BulkFetcher(HmacSigner.create("hmac-sha256", "another key"), null, Level.FINE);
        assertThrows(BulkTransferException.class, () -> fetch(outsider, ref));
        assertTrue(warnings().stream().anyMatch(w -> w.contains("refused a fetch") && w.contains("cluster key")),
                warnings().toString());
        assertEquals(1000, fetch(new BulkFetcher(signer, null, Level.FINE), ref).length, "the listener keeps serving");
    }

    @Test
    void aForgedTokenIsRefusedAndLogged() throws Exception {
        listener.lease(0, null).offer(Payload.of(randomBytes(1000)));
        BulkRef forged = new BulkRef(listener.host(), listener.port(), "", new byte[BulkRef.TOKEN_BYTES], 1000);
        assertThrows(BulkTransferException.class, () -> fetch(new BulkFetcher(signer, null, Level.FINE), forged));
        assertTrue(warnings().stream().anyMatch(w -> w.contains("no value is on offer")), warnings().toString());
    }

    @Test
    void aTokenOfferedForOneFetchIsRefusedTheSecondTime() throws Exception {
        BulkRef ref = listener.lease(1, Duration.ofMinutes(1)).offer(Payload.of(randomBytes(1000)));
        BulkFetcher fetcher = new BulkFetcher(signer, null, Level.FINE);
        fetch(fetcher, ref);
        assertThrows(BulkTransferException.class, () -> fetch(fetcher, ref));
        assertTrue(warnings().stream().anyMatch(w -> w.contains("no value is on offer")), warnings().toString());
    }

    @Test
    void aSettledOfferSendsTheBytesAsTheyWereWhenSettled() throws Exception {
        byte[] value = randomBytes(1000);
        byte[] before = value.clone();
        BulkLease lease = listener.lease(1, Duration.ofMinutes(1));
        BulkRef ref = lease.offer(Payload.of(value));
        lease.settle();
        value[0]++;
        assertArrayEquals(before, fetch(new BulkFetcher(signer, null, Level.FINE), ref));
    }

    @Test
    void aClosedLeaseWithdrawsItsOffers() {
        BulkLease lease = listener.lease(0, null);
        BulkRef ref = lease.offer(Payload.of(randomBytes(1000)));
        lease.close();
        assertThrows(BulkTransferException.class, () -> fetch(new BulkFetcher(signer, null, Level.FINE), ref));
        assertEquals(0, listener.offered());
    }

    @Test
    void aReplayedProofIsRefused() throws Exception {
        BulkRef ref = listener.lease(0, null).offer(Payload.of(randomBytes(1000)));
        byte[] clientNonce = Handshake.nonce();
        byte[] firstProof;
        try (SocketChannel first = connect()) {
            byte[] serverNonce = greeting(first);
            firstProof = Handshake.fetchProof(signer, serverNonce, clientNonce, ref.token());
            present(first, ref.token(), clientNonce, firstProof);
            assertEquals(Handshake.OK, readByte(first));
        }
        try (SocketChannel replay = connect()) {
            greeting(replay);
            present(replay, ref.token(), clientNonce, firstProof);
            assertEquals(Handshake.REFUSED, readByte(replay));
        }
        assertTrue(warnings().stream().anyMatch(w -> w.contains("refused a fetch")), warnings().toString());
    }

    @Test
    void aListenerWithoutTheClusterKeyIsNotReadFrom() throws Exception {
        try (ServerSocketChannel impostor = ServerSocketChannel.open()) {
            impostor.bind(new InetSocketAddress("127.0.0.1", 0));
            BulkRef ref = new BulkRef("127.0.0.1", impostor.socket().getLocalPort(), "", new byte[BulkRef.TOKEN_BYTES], 4);
            Thread server = new Thread(() -> {
                try (SocketChannel peer = impostor.accept()) {
                    BulkListener.writeFully(peer, ByteBuffer.allocate(37).put(Handshake.MAGIC).put((byte) 1)
                            .put(new byte[32]).flip());
                    peer.read(ByteBuffer.allocate(16 + 32 + 1 + 64));
                    BulkListener.writeFully(peer, ByteBuffer.allocate(1 + 8 + 1 + 64 + 4).put((byte) 0).putLong(4)
                            .put((byte) 64).put(new byte[64]).put(new byte[] {1, 2, 3, 4}).flip());
                } catch (IOException e) {
                    // the fetcher hung up: what it should do
                }
            });
            server.start();
            List<Byte> read = new ArrayList<>();
            BulkTransferException e = assertThrows(BulkTransferException.class, () -> new BulkFetcher(signer, null,
                    Level.FINE).fetch(ref, (offset, chunk) -> read.add(chunk.get())));
            assertTrue(e.getMessage().contains("did not prove"), e.getMessage());
            assertEquals(List.of(), read);
            server.join(5000);
        }
    }

    private SocketChannel connect() throws IOException {
        return SocketChannel.open(new InetSocketAddress(listener.host(), listener.port()));
    }

    private static byte[] greeting(SocketChannel channel) throws IOException {
        ByteBuffer greeting = ByteBuffer.allocate(Handshake.MAGIC.length + 1 + Handshake.NONCE_BYTES);
        while (greeting.hasRemaining() && channel.read(greeting) >= 0) {
            // until the whole greeting is here
        }
        byte[] nonce = new byte[Handshake.NONCE_BYTES];
        greeting.position(Handshake.MAGIC.length + 1);
        greeting.get(nonce);
        return nonce;
    }

    private static void present(SocketChannel channel, byte[] token, byte[] nonce, byte[] proof) throws IOException {
        BulkListener.writeFully(channel, ByteBuffer.allocate(token.length + nonce.length + 1 + proof.length)
                .put(token).put(nonce).put((byte) proof.length).put(proof).flip());
    }

    private static int readByte(SocketChannel channel) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        return channel.read(one) == 1 ? one.get(0) : -1;
    }
}

package org.jparallel.wire.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PullLinkTest {
    private final BlockingQueue<List<byte[]>> atServer = new LinkedBlockingQueue<>();
    private final LinkServer server;

    PullLinkTest() throws IOException {
        server = LinkServer.bind("127.0.0.1", "test-server", atServer::add);
    }

    @AfterEach
    void closeServer() {
        server.close();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private SocketAddress tcp() {
        return new InetSocketAddress("127.0.0.1", server.port());
    }

    /** The identity the server sees the link by, from its hello. */
    private byte[] helloFrom() throws InterruptedException {
        List<byte[]> hello = atServer.poll(5, TimeUnit.SECONDS);
        assertNotNull(hello, "no hello within 5 s");
        assertEquals("hello", text(hello.get(1)));
        return hello.get(0);
    }

    @Test
    void theServerSendsToTheIdentityItsHelloCameWith() throws Exception {
        try (PullLink link = PullLink.connect(List.of(tcp()), List.of(bytes("hello")))) {
            byte[] peer = helloFrom();
            server.send(List.of(peer, bytes("first"), bytes("part")));
            server.send(List.of(peer, bytes("second")));
            assertEquals(List.of("first", "part"), link.next(5000).stream().map(PullLinkTest::text).toList());
            assertEquals("second", text(link.next(5000).get(0)));
        }
    }

    @Test
    void nextReturnsNullWhenNothingComesInTime() throws Exception {
        try (PullLink link = PullLink.connect(List.of(tcp()), List.of(bytes("hello")))) {
            assertNull(link.next(50));
        }
    }

    @Test
    void wakeEndsAWaitThatHasNoEnd() throws Exception {
        try (PullLink link = PullLink.connect(List.of(tcp()), List.of(bytes("hello")))) {
            CompletableFuture<List<byte[]>> waiting = CompletableFuture.supplyAsync(() -> {
                try {
                    return link.next(0);
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            Thread.sleep(100);
            link.wake();
            assertNull(waiting.get(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void aMessageLargerThanTheSocketsBuffersArrivesWhole() throws Exception {
        byte[] big = new byte[16 << 20];
        new Random(7).nextBytes(big);
        try (PullLink link = PullLink.connect(List.of(tcp()), List.of(bytes("hello")))) {
            server.send(List.of(helloFrom(), bytes("head"), big));
            List<byte[]> message = link.next(10_000);
            while (message == null) {
                message = link.next(10_000);
            }
            assertArrayEquals(big, message.get(1));
        }
    }

    @Test
    void nextThrowsWhenTheServerCloses() throws Exception {
        try (PullLink link = PullLink.connect(List.of(tcp()), List.of(bytes("hello")))) {
            helloFrom();
            server.close();
            assertThrows(EOFException.class, () -> link.next(5000));
        }
    }

    @Test
    void connectsThroughTheSocketFileWhenTheServerListensOnOne(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("server.sock");
        server.listenOn(file);
        try (PullLink link = PullLink.connect(List.of(UnixDomainSocketAddress.of(file), tcp()),
                List.of(bytes("hello")))) {
            server.send(List.of(helloFrom(), bytes("over the file")));
            assertEquals("over the file", text(link.next(5000).get(0)));
        }
    }

    @Test
    void triesTheNextAddressWhenOneRefuses(@TempDir Path folder) throws Exception {
        SocketAddress missing = UnixDomainSocketAddress.of(folder.resolve("nobody.sock"));
        try (PullLink link = PullLink.connect(List.of(missing, tcp()), List.of(bytes("hello")))) {
            server.send(List.of(helloFrom(), bytes("over tcp")));
            assertEquals("over tcp", text(link.next(5000).get(0)));
        }
    }

    @Test
    void connectFailsWhenNoAddressAccepts() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        IOException e = assertThrows(IOException.class, () -> PullLink.connect(
                List.of(new InetSocketAddress("127.0.0.1", closedPort)), List.of(bytes("hello"))));
        assertTrue(e.getMessage().contains(String.valueOf(closedPort)), e.getMessage());
    }
}

package org.jparallel.wire.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkTest {
    private final BlockingQueue<List<byte[]>> atServer = new LinkedBlockingQueue<>();
    private final BlockingQueue<List<byte[]>> atClient = new LinkedBlockingQueue<>();

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static List<byte[]> next(BlockingQueue<List<byte[]>> queue) throws InterruptedException {
        List<byte[]> message = queue.poll(5, TimeUnit.SECONDS);
        assertNotNull(message, "no message within 5 s");
        return message;
    }

    private static Thread startThread(Runnable body) {
        Thread thread = new Thread(body);
        thread.start();
        return thread;
    }

    /** A server whose receiver vouches for every peer at its first message, as the controller does once signed. */
    private LinkServer vouchingServer() throws Exception {
        LinkServer[] server = new LinkServer[1];
        server[0] = LinkServer.bind("127.0.0.1", "test-server", frames -> {
            server[0].vouchFor(frames.get(0));
            atServer.add(frames);
        });
        return server[0];
    }

    private LinkClient client(LinkServer server) throws Exception {
        return LinkClient.connect(new InetSocketAddress("127.0.0.1", server.port()), "test-client", atClient::add);
    }

    @Test
    void aSenderWaitsForTheBacklogToShrinkWhileThePeerDoesNotRead() throws Exception {
        try (ServerSocketChannel silent = ServerSocketChannel.open()) {
            silent.bind(new InetSocketAddress("127.0.0.1", 0));
            try (LinkClient link = LinkClient.connect((InetSocketAddress) silent.getLocalAddress(), "test-client",
                    atClient::add); SocketChannel peer = silent.accept()) {
                byte[] megabyte = new byte[1 << 20];
                for (int i = 0; i < 32; i++) {
                    link.send(List.of(megabyte));
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (link.backlog() > 24L << 20 && System.nanoTime() < deadline) {
                    Thread.sleep(10); // the socket takes what its buffers hold, then no more
                }
                assertTrue(link.backlog() > 4L << 20, "backlog " + link.backlog());
                CountDownLatch waited = new CountDownLatch(1);
                Thread sender = startThread(() -> {
                    link.awaitBacklogAtMost(4L << 20);
                    waited.countDown();
                });
                assertFalse(waited.await(300, TimeUnit.MILLISECONDS), "the sender went on while the peer read nothing");
                ByteBuffer sink = ByteBuffer.allocate(1 << 20);
                peer.configureBlocking(false); // read what comes, and never wait for more than was sent
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (waited.getCount() > 0 && System.nanoTime() < until) {
                    sink.clear();
                    if (peer.read(sink) == 0) {
                        Thread.sleep(5);
                    }
                }
                sender.join(5000);
                assertEquals(0, waited.getCount(), "the sender still waits, though the peer read the backlog");
                assertTrue(link.backlog() <= 4L << 20, "backlog " + link.backlog());
            }
        }
    }

    @Test
    void serverAnswersTheClientItsFirstFrameNames() throws Exception {
        try (LinkServer server = LinkServer.bind("127.0.0.1", "test-server", atServer::add);
             LinkClient client = client(server)) {
            client.send(List.of(bytes("ping"), new byte[0], bytes("more")));
            List<byte[]> request = next(atServer);
            assertEquals(List.of("ping", "", "more"), request.subList(1, 4).stream().map(LinkTest::text).toList());
            server.send(List.of(request.get(0), bytes("pong")));
            assertEquals("pong", text(next(atClient).get(0)));
        }
    }

    @Test
    void theServerHearsOfAPeerWhoseConnectionClosed() throws Exception {
        BlockingQueue<byte[]> closed = new LinkedBlockingQueue<>();
        try (LinkServer server = LinkServer.bind("127.0.0.1", "test-server", atServer::add)) {
            server.onPeerClosed(closed::add);
            LinkClient client = client(server);
            client.send(List.of(bytes("hello")));
            byte[] identity = next(atServer).get(0);

            client.close();

            assertArrayEquals(identity, closed.poll(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void eachClientHasItsOwnIdentity() throws Exception {
        try (LinkServer server = LinkServer.bind("127.0.0.1", "test-server", atServer::add);
             LinkClient first = client(server);
             LinkClient second = LinkClient.connect(new InetSocketAddress("127.0.0.1", server.port()), "second",
                     frames -> { })) {
            first.send(List.of(bytes("a")));
            byte[] firstId = next(atServer).get(0);
            second.send(List.of(bytes("b")));
            byte[] secondId = next(atServer).get(0);
            server.send(List.of(secondId, bytes("for second")));
            server.send(List.of(firstId, bytes("for first")));
            assertEquals("for first", text(next(atClient).get(0)));
        }
    }

    @Test
    void bigFramesArriveIntactBetweenSmallOnes() throws Exception {
        byte[] big = new byte[20 * 1024 * 1024 + 7];
        new Random(1).nextBytes(big);
        try (LinkServer server = vouchingServer(); LinkClient client = client(server)) {
            client.send(List.of(bytes("before")));
            client.send(List.of(bytes("head"), big, bytes("tail")));
            client.send(List.of(bytes("after")));
            assertEquals("before", text(next(atServer).get(1)));
            List<byte[]> carrier = next(atServer);
            assertArrayEquals(big, carrier.get(2));
            assertEquals("tail", text(carrier.get(3)));
            assertEquals("after", text(next(atServer).get(1)));
            server.send(List.of(carrier.get(0), big));
            assertArrayEquals(big, next(atClient).get(0));
        }
    }

    @Test
    void messagesFromManyThreadsAllArriveInEachThreadsOrder() throws Exception {
        int threads = 4;
        int each = 2000;
        try (LinkServer server = LinkServer.bind("127.0.0.1", "test-server", atServer::add);
             LinkClient client = client(server)) {
            List<Thread> senders = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                senders.add(startThread(() -> {
                    for (int i = 0; i < each; i++) {
                        client.send(List.of(ByteBuffer.allocate(8).putInt(thread).putInt(i).array()));
                    }
                }));
            }
            for (Thread sender : senders) {
                sender.join();
            }
            int[] nextOf = new int[threads];
            for (int n = 0; n < threads * each; n++) {
                ByteBuffer message = ByteBuffer.wrap(next(atServer).get(1));
                int thread = message.getInt();
                assertEquals(nextOf[thread]++, message.getInt(), "order of thread " + thread);
            }
        }
    }

    @Test
    void messagesQueuedBehindAFullSocketArriveWholeAndInOrder() throws Exception {
        CountDownLatch stalled = new CountDownLatch(1);
        List<byte[]> manyFrames = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            manyFrames.add(i % 3 == 0 ? new byte[0] : bytes("frame " + i)); // more frames than one writev takes
        }
        try (LinkServer server = LinkServer.bind("127.0.0.1", "test-server", frames -> {
                 awaitQuietly(stalled); // the server reads nothing until every message is queued
                 atServer.add(frames);
             });
             LinkClient client = client(server)) {
            byte[] filler = new byte[64 * 1024];
            for (int i = 0; i < 3000; i++) {
                client.send(i == 1500 ? manyFrames : List.of(ByteBuffer.allocate(4).putInt(i).array(), filler));
            }
            stalled.countDown();
            for (int i = 0; i < 3000; i++) {
                List<byte[]> message = next(atServer);
                if (i == 1500) {
                    assertEquals(manyFrames.stream().map(LinkTest::text).toList(),
                            message.subList(1, message.size()).stream().map(LinkTest::text).toList());
                } else {
                    assertEquals(i, ByteBuffer.wrap(message.get(1)).getInt());
                    assertEquals(filler.length, message.get(2).length);
                }
            }
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void messagesSentBeforeTheServerListensGoOnceItDoes() throws Exception {
        int port;
        try (LinkServer probe = LinkServer.bind("127.0.0.1", "probe", frames -> { })) {
            port = probe.port();
        }
        try (LinkClient client = LinkClient.connect(new InetSocketAddress("127.0.0.1", port), "early", atClient::add)) {
            client.send(List.of(bytes("early")));
            Thread.sleep(3 * LinkClient.RETRY_MILLIS);
            try (LinkServer server = LinkServer.bind(new InetSocketAddress("127.0.0.1", port), "late", atServer::add)) {
                assertEquals("early", text(next(atServer).get(1)));
            }
        }
    }

    @Test
    void aClientConnectsAgainToAServerThatCameBack() throws Exception {
        LinkServer first = LinkServer.bind("127.0.0.1", "first", atServer::add);
        int port = first.port();
        try (LinkClient client = LinkClient.connect(new InetSocketAddress("127.0.0.1", port), "client",
                atClient::add)) {
            client.send(List.of(bytes("to the first")));
            assertEquals("to the first", text(next(atServer).get(1)));
            first.close();
            Thread.sleep(3 * LinkClient.RETRY_MILLIS); // the client sees the hang-up; what it sent into it is lost
            try (LinkServer second = LinkServer.bind(new InetSocketAddress("127.0.0.1", port), "second",
                    atServer::add)) {
                client.send(List.of(bytes("to the second")));
                assertEquals("to the second", text(next(atServer).get(1)));
            }
        }
    }

    @Test
    void bytesOfAnotherProtocolCloseThatConnectionOnly() throws Exception {
        try (LinkServer server = LinkServer.bind("127.0.0.1", "test-server", atServer::add);
             Socket stranger = new Socket("127.0.0.1", server.port());
             LinkClient client = client(server)) {
            OutputStream out = stranger.getOutputStream();
            out.write(bytes("GET / HTTP/1.1\r\n\r\n"));
            out.flush();
            stranger.setSoTimeout(5000);
            assertEquals(-1, stranger.getInputStream().read(), "the server hangs up on a stranger");
            assertNull(atServer.poll(200, TimeUnit.MILLISECONDS), "nothing of it is delivered");
            client.send(List.of(bytes("still here")));
            assertEquals("still here", text(next(atServer).get(1)));
        }
    }

    @Test
    void aStarMeansEveryInterface() throws Exception {
        try (LinkServer server = LinkServer.bind("*", "test-server", atServer::add);
             LinkClient client = client(server)) {
            client.send(List.of(bytes("via loopback")));
            assertEquals("via loopback", text(next(atServer).get(1)));
        }
    }

    @Test
    void aMessageToAPeerThatIsGoneIsDropped() throws Exception {
        try (LinkServer server = LinkServer.bind("127.0.0.1", "test-server", atServer::add)) {
            server.send(List.of(ByteBuffer.allocate(8).putLong(42).array(), bytes("lost")));
            server.send(List.of(bytes("not an identity"), bytes("lost")));
            try (LinkClient client = client(server)) {
                client.send(List.of(bytes("served")));
                assertEquals("served", text(next(atServer).get(1)));
            }
        }
    }

    /** A server's Unix domain socket, which the cluster's processes of one host use instead of loopback TCP. */
    @Nested
    class OverASocketFile {
        @TempDir
        Path dir;

        @Test
        void aClientReachesTheServerThroughItsSocketFileAlone() throws Exception {
            Path file = dir.resolve("s.sock");
            try (LinkServer server = LinkServer.bind("127.0.0.1", "test-server", atServer::add)) {
                assertTrue(server.listenOn(file));
                try (LinkClient client = LinkClient.connect(List.of(UnixDomainSocketAddress.of(file)), "test-client",
                        atClient::add)) {
                    client.send(List.of(bytes("ping")));
                    List<byte[]> request = next(atServer);
                    assertEquals("ping", text(request.get(1)));
                    server.send(List.of(request.get(0), bytes("pong")));
                    assertEquals("pong", text(next(atClient).get(0)));
                }
            }
        }

        @Test
        void tcpAndSocketFilePeersShareOneServer() throws Exception {
            Path file = dir.resolve("s.sock");
            try (LinkServer server = LinkServer.bind("127.0.0.1", "test-server", atServer::add)) {
                server.listenOn(file);
                try (LinkClient overFile = LinkClient.connect(List.of(UnixDomainSocketAddress.of(file)), "file", atClient::add);
                     LinkClient overTcp = LinkClient.connect(new InetSocketAddress("127.0.0.1", server.port()), "tcp",
                             frames -> { })) {
                    overTcp.send(List.of(bytes("from tcp")));
                    next(atServer);
                    overFile.send(List.of(bytes("from file")));
                    byte[] fileId = next(atServer).get(0);
                    server.send(List.of(fileId, bytes("for file")));
                    assertEquals("for file", text(next(atClient).get(0)));
                }
            }
        }

        @Test
        void aClientFallsBackToTcpWhenTheSocketFileIsMissing() throws Exception {
            try (LinkServer server = LinkServer.bind("127.0.0.1", "test-server", atServer::add);
                 LinkClient client = LinkClient.connect(List.of(UnixDomainSocketAddress.of(dir.resolve("none.sock")),
                         new InetSocketAddress("127.0.0.1", server.port())), "test-client", atClient::add)) {
                client.send(List.of(bytes("ping")));
                assertEquals("ping", text(next(atServer).get(1)));
            }
        }

        @Test
        void theSocketFileIsPrivateAndGoneAfterClose() throws Exception {
            Path file = dir.resolve("s.sock");
            try (LinkServer server = LinkServer.bind("127.0.0.1", "test-server", atServer::add)) {
                server.listenOn(file);
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            }
            assertFalse(Files.exists(file));
        }

        @Test
        void aFileLeftByAServerThatIsGoneIsReplaced() throws Exception {
            Path file = dir.resolve("s.sock");
            Files.createFile(file);
            try (LinkServer server = LinkServer.bind("127.0.0.1", "test-server", atServer::add)) {
                assertTrue(server.listenOn(file));
            }
        }

        @Test
        void aPathTooLongForASocketLeavesTheServerOnTcp() throws Exception {
            Path deep = Files.createDirectories(dir.resolve("d".repeat(120)));
            try (LinkServer server = LinkServer.bind("127.0.0.1", "test-server", atServer::add);
                 LinkClient client = LinkClient.connect(new InetSocketAddress("127.0.0.1", server.port()), "c", atClient::add)) {
                assertFalse(server.listenOn(deep.resolve("s.sock")));
                assertTrue(server.socketFile().isEmpty());
                client.send(List.of(bytes("still here")));
                assertEquals("still here", text(next(atServer).get(1)));
            }
        }
    }
}

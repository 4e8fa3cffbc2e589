package org.jparallel.wire.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A link server's Unix domain socket, which the cluster's processes of one host use instead of loopback TCP. */
class SocketFileLinkTest {
    @TempDir
    Path dir;
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

package org.jparallel.wire.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A peer that opens connections until the server's process has no file descriptor left: the server must neither
 * spin on the connection it cannot accept nor fill its log, and must serve again once they close. The server runs
 * in a JVM of its own, under a {@code ulimit -n} lower than the {@link LinkServer#MAX_UNPROVEN} peers it keeps
 * before it closes the oldest unvouched for (which keeps a flood from reaching the limit otherwise).
 */
class FileDescriptorsRunOutTest {
    @TempDir
    Path dir;

    /**
     * The server's JVM: echoes every message back to its sender, prints its port, ends when stdin does. As a
     * controller has by then, it has logged and closed a connection before the flood comes: the JDK opens files for
     * both the first time (the logging configuration, a descriptor {@code close} duplicates onto), which would fail
     * in a process that has none left.
     */
    public static void main(String[] args) throws Exception {
        LinkServer[] server = new LinkServer[1];
        server[0] = LinkServer.bind("127.0.0.1", "echo", frames -> server[0].send(frames));
        java.util.logging.Logger.getLogger(FileDescriptorsRunOutTest.class.getName()).info("listening");
        new Socket("127.0.0.1", server[0].port()).close();
        System.out.println(server[0].port());
        System.in.read();
        server[0].close();
    }

    @Test
    void aServerOutOfFileDescriptorsRestsQuietlyAndServesOnceTheyAreBack() throws Exception {
        Path log = dir.resolve("server.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process server = new ProcessBuilder("bash", "-c", "ulimit -n 64 && exec \"$0\" -cp \"$1\" \"$2\"", java,
                System.getProperty("java.class.path"), FileDescriptorsRunOutTest.class.getName())
                .redirectError(log.toFile()).start();
        List<Socket> flood = new ArrayList<>();
        try {
            String port = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            assertNotNull(port, () -> "the server did not start: " + read(log));
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", Integer.parseInt(port));
            for (int failed = 0; failed < 5 && flood.size() < 400; ) {
                Socket socket = new Socket();
                try {
                    socket.connect(address, 100);
                    flood.add(socket);
                } catch (IOException backlogFull) { // the server accepts no more, and its backlog is full
                    socket.close();
                    failed++;
                }
            }
            Thread.sleep(1_500);
            for (Socket socket : flood) {
                socket.close();
            }

            BlockingQueue<List<byte[]>> echoed = new LinkedBlockingQueue<>();
            try (LinkClient client = LinkClient.connect(address, "test-client", echoed::add)) {
                client.send(List.of("still here".getBytes(StandardCharsets.UTF_8)));
                List<byte[]> echo = echoed.poll(20, TimeUnit.SECONDS);
                assertNotNull(echo, () -> "no echo once the connections closed: " + read(log));
                assertEquals("still here", new String(echo.get(0), StandardCharsets.UTF_8));
            }
            long warnings = read(log).lines().filter(line -> line.contains("accepting a connection failed")).count();
            assertTrue(flood.size() > 64, "the flood did not exhaust the descriptors: " + flood.size());
            assertTrue(warnings >= 1 && warnings <= 2, warnings + " warnings: " + read(log).lines().limit(20).toList());
        } finally {
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            for (Socket socket : flood) {
                socket.close();
            }
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}

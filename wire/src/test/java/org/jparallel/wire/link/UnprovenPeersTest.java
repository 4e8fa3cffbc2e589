package org.jparallel.wire.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** TCP peers a server's receiver has not vouched for: what they may send, and how many stay connected. */
class UnprovenPeersTest {
    private final BlockingQueue<List<byte[]>> received = new LinkedBlockingQueue<>();
    private final LinkServer server;

    UnprovenPeersTest() throws IOException {
        LinkServer[] made = new LinkServer[1];
        made[0] = LinkServer.bind("127.0.0.1", "test-server", frames -> {
            if (new String(frames.get(1), StandardCharsets.UTF_8).equals("signed")) {
                made[0].vouchFor(frames.get(0)); // as the controller does once a signature checked out
            }
            received.add(frames);
        });
        server = made[0];
    }

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void aPeerNotVouchedForIsClosedAtAMessageOverTheLimitBeforeItIsRead() throws Exception {
        try (Socket peer = new Socket("127.0.0.1", server.port())) {
            DataOutputStream out = new DataOutputStream(peer.getOutputStream());
            out.writeInt(2);
            out.writeInt(1 << 20);
            out.writeInt(1 << 20);
            out.flush();

            assertClosed(peer);
            assertNull(received.poll(200, TimeUnit.MILLISECONDS));
        }
    }

    @Test
    void aPeerVouchedForMaySendMessagesOfAnySize() throws Exception {
        try (LinkClient client = LinkClient.connect(new InetSocketAddress("127.0.0.1", server.port()), "test-client",
                frames -> { })) {
            client.send(List.of("signed".getBytes(StandardCharsets.UTF_8)));
            assertNotNull(received.poll(5, TimeUnit.SECONDS));
            byte[] big = new byte[4 << 20];
            client.send(List.of("big".getBytes(StandardCharsets.UTF_8), big));

            List<byte[]> message = received.poll(10, TimeUnit.SECONDS);
            assertNotNull(message, "the 4 MiB message of a peer vouched for did not come");
            assertEquals(big.length, message.get(2).length);
        }
    }

    @Test
    void theOldestOfTooManyPeersNotVouchedForIsClosed() throws Exception {
        List<Socket> peers = new ArrayList<>();
        try {
            for (int i = 0; i <= LinkServer.MAX_UNPROVEN; i++) {
                peers.add(new Socket("127.0.0.1", server.port()));
            }
            assertClosed(peers.get(0));
            peers.get(1).setSoTimeout(300);
            InputStream second = peers.get(1).getInputStream();
            try {
                second.read();
                throw new AssertionError("the second oldest peer was closed too");
            } catch (SocketTimeoutException open) {
                // still connected: only the oldest went
            }
        } finally {
            for (Socket peer : peers) {
                peer.close();
            }
        }
    }

    @Test
    void aClientConnectingAgainGreetsFirstSoTheBigMessageThatWaitedGoesThrough() throws Exception {
        int port = server.port();
        try (LinkClient client = LinkClient.connect(new InetSocketAddress("127.0.0.1", port), "test-client",
                frames -> { })) {
            client.greetAgainWith(() -> List.of("signed".getBytes(StandardCharsets.UTF_8)));
            client.send(List.of("signed".getBytes(StandardCharsets.UTF_8)));
            assertNotNull(received.poll(5, TimeUnit.SECONDS));
            server.close();
            Thread.sleep(3 * LinkClient.RETRY_MILLIS); // the client sees the hang-up
            byte[] big = new byte[4 << 20];
            client.send(List.of("big".getBytes(StandardCharsets.UTF_8), big)); // waits for the next connection
            LinkServer[] again = new LinkServer[1];
            again[0] = LinkServer.bind(new InetSocketAddress("127.0.0.1", port), "test-server-again", frames -> {
                if (new String(frames.get(1), StandardCharsets.UTF_8).equals("signed")) {
                    again[0].vouchFor(frames.get(0));
                }
                received.add(frames);
            });
            try (LinkServer second = again[0]) {
                assertEquals("signed", new String(received.poll(10, TimeUnit.SECONDS).get(1), StandardCharsets.UTF_8));
                List<byte[]> message = received.poll(10, TimeUnit.SECONDS);
                assertNotNull(message, "the big message that waited did not come");
                assertEquals(big.length, message.get(2).length);
            }
        }
    }

    private static void assertClosed(Socket peer) throws IOException {
        peer.setSoTimeout(10_000);
        try {
            assertEquals(-1, peer.getInputStream().read(), "the server should have closed the connection");
        } catch (IOException reset) {
            // closed with data unread: a reset, as good as the end of the stream
        }
    }
}

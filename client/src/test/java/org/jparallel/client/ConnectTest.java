package org.jparallel.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jparallel.wire.HmacSigner;
import org.jparallel.wire.MalformedMessageException;
import org.jparallel.wire.Message;
import org.jparallel.wire.MessageCodec;
import org.jparallel.wire.PrivateFile;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectTest {
    @TempDir
    Path home;

    @Test
    void withoutAConnectionFileTheUserIsToldToStartACluster() {
        Path file = new ClusterProfile(home, "default").clientFile();
        NoClusterException e = assertThrows(NoClusterException.class, () -> Client.connect(file));
        assertTrue(e.getMessage().startsWith("no cluster is running for profile 'default': start one with "
                + "`jpcluster start -n 4` or `%cluster start -n 4`"), e.getMessage());
        assertEquals("default", e.profile());
    }

    @Test
    void aConnectionFileOfAnExitedControllerIsStale() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path file = new ClusterProfile(home, "work").clientFile();
        PrivateFile.write(file, "{\"ip\": \"127.0.0.1\", \"client_port\": 1, \"key\": \"k\", "
                + "\"signature_scheme\": \"hmac-sha256\", \"transport\": \"tcp\", \"profile\": \"work\", "
                + "\"controller_pid\": " + gone.pid() + "}");
        NoClusterException e = assertThrows(NoClusterException.class, () -> Client.connect(file));
        assertTrue(e.getMessage().contains("profile 'work'"), e.getMessage());
        assertTrue(e.getMessage().contains("stale"), e.getMessage());
    }

    @Test
    void aConnectionFileWithoutAPortSaysHowToRecover() throws Exception {
        Path file = new ClusterProfile(home, "default").clientFile();
        PrivateFile.write(file, "{\"ip\": \"127.0.0.1\"}");
        ClusterException e = assertThrows(ClusterException.class, () -> Client.connect(file));
        assertTrue(e.getMessage().contains("lacks client_port"), e.getMessage());
        assertTrue(e.getMessage().contains("jpcluster stop"), e.getMessage());
    }

    @Test
    void aConnectionRequestThatGoesUnansweredIsSentAgain() throws Exception {
        MessageCodec codec = new MessageCodec(HmacSigner.create("hmac-sha256", "k"));
        Process controllerProcess = new ProcessBuilder("sleep", "60").start(); // a live pid for the file
        try (ZContext context = new ZContext(1)) {
            ZMQ.Socket controller = context.createSocket(SocketType.ROUTER);
            int port = controller.bindToRandomPort("tcp://127.0.0.1");
            Path file = new ClusterProfile(home, "default").clientFile();
            PrivateFile.write(file, "{\"ip\": \"127.0.0.1\", \"client_port\": " + port + ", \"key\": \"k\", "
                    + "\"signature_scheme\": \"hmac-sha256\", \"transport\": \"tcp\", \"profile\": \"default\", "
                    + "\"controller_pid\": " + controllerProcess.pid() + "}");
            // A controller that loses the first request and answers the second.
            CompletableFuture<Integer> requests = CompletableFuture.supplyAsync(() -> {
                receive(controller);
                Message second;
                try {
                    second = codec.decode(receive(controller));
                } catch (MalformedMessageException e) {
                    throw new IllegalStateException(e);
                }
                JsonObject content = new JsonObject();
                content.add("engines", new JsonObject());
                List<byte[]> reply = codec.encode(second.reply("connection_reply", "controller", content));
                for (int i = 0; i < reply.size(); i++) {
                    controller.send(reply.get(i), i < reply.size() - 1 ? ZMQ.SNDMORE : 0);
                }
                return 2;
            });
            try (Client rc = Client.connect(file)) {
                assertEquals(List.of(), rc.ids());
            }
            assertEquals(2, requests.get(5, TimeUnit.SECONDS));
        } finally {
            controllerProcess.destroy();
        }
    }

    private static List<byte[]> receive(ZMQ.Socket socket) {
        List<byte[]> frames = new ArrayList<>();
        do {
            frames.add(socket.recv(0));
        } while (socket.hasReceiveMore());
        return frames;
    }

    @Test
    void theProfileLivesUnderTheHome() {
        ClusterProfile profile = new ClusterProfile(home, "default");
        assertEquals(home.resolve("profile_default/security/client.json"), profile.clientFile());
    }
}

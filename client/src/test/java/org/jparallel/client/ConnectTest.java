package org.jparallel.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jparallel.wire.HmacSigner;
import org.jparallel.wire.MalformedMessageException;
import org.jparallel.wire.Message;
import org.jparallel.wire.MessageCodec;
import org.jparallel.wire.PrivateFile;
import org.jparallel.wire.link.LinkServer;
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
    void theRecoveryHintNamesTheProfile() throws Exception {
        Path file = new ClusterProfile(home, "work").clientFile();
        PrivateFile.write(file, "[]");
        ClusterException e = assertThrows(ClusterException.class, () -> Client.connect(file));
        assertTrue(e.getMessage().endsWith("is not a JSON object: restart the cluster with `jpcluster stop --profile work`"
                + " and `jpcluster start -n 4 --profile work`"), e.getMessage());
    }

    @Test
    void aConnectionRequestThatGoesUnansweredIsSentAgain() throws Exception {
        MessageCodec codec = new MessageCodec(HmacSigner.create("hmac-sha256", "k"));
        Process controllerProcess = new ProcessBuilder("sleep", "60").start(); // a live pid for the file
        BlockingQueue<List<byte[]>> requests = new LinkedBlockingQueue<>();
        try (LinkServer controller = LinkServer.bind("127.0.0.1", "test-controller", requests::add)) {
            Path file = new ClusterProfile(home, "default").clientFile();
            PrivateFile.write(file, "{\"ip\": \"127.0.0.1\", \"client_port\": " + controller.port()
                    + ", \"key\": \"k\", "
                    + "\"signature_scheme\": \"hmac-sha256\", \"transport\": \"tcp\", \"profile\": \"default\", "
                    + "\"controller_pid\": " + controllerProcess.pid() + "}");
            // A controller that loses the first request and answers the second.
            CompletableFuture<Integer> answered = CompletableFuture.supplyAsync(() -> {
                try {
                    requests.take();
                    Message second = codec.decode(requests.take());
                    JsonObject content = new JsonObject();
                    content.add("engines", new JsonObject());
                    controller.send(codec.encode(second.reply("connection_reply", "controller", content)));
                    return 2;
                } catch (MalformedMessageException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            try (Client rc = Client.connect(file)) {
                assertEquals(List.of(), rc.ids());
            }
            assertEquals(2, answered.get(5, TimeUnit.SECONDS));
        } finally {
            controllerProcess.destroy();
        }
    }

    @Test
    void theProfileLivesUnderTheHome() {
        ClusterProfile profile = new ClusterProfile(home, "default");
        assertEquals(home.resolve("profile_default/security/client.json"), profile.clientFile());
    }
}

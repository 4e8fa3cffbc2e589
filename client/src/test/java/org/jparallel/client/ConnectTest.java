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
        try (FakeController controller = new FakeController(home, "default", 1)) {
            try (Client rc = Client.connect(controller.file)) {
                assertEquals(List.of(), rc.ids());
            }
            assertEquals(2, controller.answered.get(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void aClusterWithoutEnginesSaysToAddSomeToIt() throws Exception {
        try (FakeController controller = new FakeController(home, "work", 0); Client rc = Client.connect(controller.file)) {
            ClusterException e = assertThrows(ClusterException.class, () -> rc.all().executeSync("1"));
            assertTrue(e.getMessage().startsWith("no engines are registered yet: add some with `jpcluster engines -n 4"
                    + " --profile work` or `%cluster engines -n 4 --profile work`"), e.getMessage());
        }
    }

    /**
     * A controller of profile {@code profile} with no engines, answering one connection request after losing
     * {@code lost} of them: what a client sees of a cluster that has no engines yet.
     */
    private static final class FakeController implements AutoCloseable {
        final Path file;
        final CompletableFuture<Integer> answered;
        private final Process pid = new ProcessBuilder("sleep", "60").start(); // a live pid for the file
        private final LinkServer link;

        FakeController(Path home, String profile, int lost) throws Exception {
            MessageCodec codec = new MessageCodec(HmacSigner.create("hmac-sha256", "k"));
            BlockingQueue<List<byte[]>> requests = new LinkedBlockingQueue<>();
            link = LinkServer.bind("127.0.0.1", "test-controller", requests::add);
            file = new ClusterProfile(home, profile).clientFile();
            PrivateFile.write(file, "{\"ip\": \"127.0.0.1\", \"client_port\": " + link.port() + ", \"key\": \"k\", "
                    + "\"signature_scheme\": \"hmac-sha256\", \"transport\": \"tcp\", \"profile\": \"" + profile
                    + "\", \"controller_pid\": " + pid.pid() + "}");
            answered = CompletableFuture.supplyAsync(() -> {
                try {
                    for (int i = 0; i < lost; i++) {
                        requests.take();
                    }
                    Message request = codec.decode(requests.take());
                    JsonObject content = new JsonObject();
                    content.add("engines", new JsonObject());
                    link.send(codec.encode(request.reply("connection_reply", "controller", content)));
                    return lost + 1;
                } catch (MalformedMessageException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
        }

        @Override
        public void close() {
            link.close();
            pid.destroy();
        }
    }

    @Test
    void theProfileLivesUnderTheHome() {
        ClusterProfile profile = new ClusterProfile(home, "default");
        assertEquals(home.resolve("profile_default/security/client.json"), profile.clientFile());
    }
}

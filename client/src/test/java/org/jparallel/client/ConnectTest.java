package org.jparallel.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.jparallel.wire.PrivateFile;
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
    void theProfileLivesUnderTheHome() {
        ClusterProfile profile = new ClusterProfile(home, "default");
        assertEquals(home.resolve("profile_default/security/client.json"), profile.clientFile());
    }
}

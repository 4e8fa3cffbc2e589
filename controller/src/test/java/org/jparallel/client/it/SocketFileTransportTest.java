package org.jparallel.client.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.jparallel.client.Client;
import org.jparallel.client.Fn0;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processes of a cluster on one host talk through Unix domain sockets in the profile's {@code security}
 * folder; a client that knows only the TCP port (as on another host) still works.
 */
class SocketFileTransportTest {
    @TempDir
    Path home;

    private static JsonObject json(Path file) throws IOException {
        return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    }

    /** Connected sockets bound to {@code file}, as the kernel lists them (state 03: connected). */
    private static long connectionsAt(Path file) throws IOException {
        return Files.readAllLines(Path.of("/proc/net/unix")).stream()
                .map(line -> line.trim().split("\\s+"))
                .filter(f -> f.length == 8 && f[7].equals(file.toString()) && f[5].equals("03"))
                .count();
    }

    @Test
    void enginesAndClientsOfTheControllersHostConnectThroughItsSocketFiles() throws Exception {
        try (ItCluster cluster = new ItCluster(home, 2); Client rc = cluster.connectReady()) {
            Path security = cluster.clientFile().getParent();
            assertEquals(security.resolve("client.sock").toString(),
                    json(cluster.clientFile()).get("unix_socket").getAsString());
            assertEquals(security.resolve("engine.sock").toString(),
                    json(security.resolve("engine.json")).get("unix_socket").getAsString());
            assertEquals(2 * 2, connectionsAt(security.resolve("engine.sock")), "each engine's link and task link");
            assertTrue(connectionsAt(security.resolve("client.sock")) >= 1);
            Fn0<Integer> zero = () -> 0;
            assertEquals(List.of(0, 0), rc.all().applySync(zero));
        }
    }

    @Test
    void aClientThatKnowsOnlyTheTcpPortWorks() throws Exception {
        try (ItCluster cluster = new ItCluster(home, 1)) {
            JsonObject tcpOnly = json(cluster.clientFile());
            tcpOnly.remove("unix_socket");
            Path file = Files.writeString(home.resolve("tcp-only.json"), tcpOnly.toString());
            double[] values = new Random(3).doubles(2_000_000).toArray(); // 16 MB: over the bulk channel
            try (Client rc = Client.connect(file)) {
                rc.engine(0).pushSync(Map.of("a", values));
                assertArrayEquals(values, rc.engine(0).<double[]>pullSync("a"));
                Fn0<Integer> two = () -> 2;
                assertEquals(2, rc.engine(0).applySync(two));
            }
        }
    }

    private static List<String> socketFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(name -> name.endsWith(".sock")).sorted().toList();
        }
    }

    @Test
    void aStoppedClusterLeavesNoSocketFile() throws Exception {
        Path security;
        try (ItCluster cluster = new ItCluster(home, 1); Client rc = cluster.connectReady()) {
            security = cluster.clientFile().getParent();
            rc.engine(0).pushSync(Map.of("a", new double[1_000_000])); // the client's bulk channel opens
            rc.engine(0).pullSync("a");
            assertEquals(4, socketFiles(security).size(), "the controller's two, the engine's and the client's bulk "
                    + "channels: " + socketFiles(security));
        }
        assertEquals(List.of(), socketFiles(security));
    }
}

package org.jparallel.client.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jparallel.client.Client;
import org.jparallel.controller.launch.ClusterOptions;
import org.jparallel.controller.cli.JpclusterMain;
import org.jparallel.wire.ClusterHost;
import org.jparallel.wire.PrivateFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Engines started on another host than the controller's with {@code jpcluster engine --file} and a copy of the
 * engine connection file (ipyparallel's {@code ipengine --file}): they do not take the controller's pid or socket
 * file for their own host's, reach a controller listening on every interface at the location the file gives,
 * offer big values there, and stop with the cluster, and the command with them; a client there connects with a
 * copy of the client file, which it does not take for a stale file of this host. "Another host" is played by a
 * copy whose host id is not this one's and whose controller pid names no live process here, and a
 * {@code JPARALLEL_HOME} of its own.
 */
class OtherHostTest {
    @TempDir
    Path home;
    @TempDir
    Path elsewhere;

    @Test
    void enginesOfAnotherHostJoinServeAndStopWithTheCluster() throws Exception {
        // every interface, reached from "elsewhere" at the location it is told: loopback works on any test machine
        ClusterOptions options = ClusterOptions.defaults().withIp("*").withLocation("127.0.0.1");
        Process engine = null;
        try (ItCluster cluster = new ItCluster(home, 1, options); Client rc = cluster.connect()) {
            Path engineFile = cluster.clientFile().resolveSibling("engine.json");
            JsonObject copy = JsonParser.parseString(Files.readString(engineFile)).getAsJsonObject();
            assertEquals(ClusterHost.currentId(), copy.get("host").getAsString());
            assertEquals("127.0.0.1", copy.get("location").getAsString());
            copy.addProperty("host", "another-host 00000000-0000-0000-0000-000000000000");
            copy.addProperty("controller_pid", deadPid());
            Path copied = elsewhere.resolve("engine.json");
            PrivateFile.write(copied, copy.toString());

            ProcessBuilder jpcluster = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-cp", System.getProperty("java.class.path"), JpclusterMain.class.getName(),
                    "engine", "--file", copied.toString(), "-n", "1")
                    .redirectErrorStream(true).redirectOutput(elsewhere.resolve("engine.log").toFile());
            jpcluster.environment().put("JPARALLEL_HOME", elsewhere.resolve("home").toString());
            engine = jpcluster.start();

            rc.waitForEngines(2, Duration.ofSeconds(60));
            long pid = rc.engine(1).applySync(() -> ProcessHandle.current().pid());
            assertTrue(engine.descendants().anyMatch(p -> p.pid() == pid), "engine 1 is the one started elsewhere");
            double[] big = new double[500_000]; // 4 MB: over the bulk channel's threshold
            big[499_999] = 7.5;
            rc.engine(1).pushSync(Map.of("big", big));
            double[] back = rc.engine(1).pullSync("big");
            assertArrayEquals(big, back);
            assertTrue(engine.descendants().anyMatch(p -> p.pid() == pid && p.isAlive()),
                    "it took a pid of its file for a controller of its own host: "
                    + Files.readString(elsewhere.resolve("engine.log")));
        }
        try {
            assertTrue(engine.waitFor(30, TimeUnit.SECONDS), "the engine outlived its cluster");
            assertEquals(0, engine.exitValue(), Files.readString(elsewhere.resolve("engine.log")));
        } finally {
            engine.descendants().forEach(ProcessHandle::destroyForcibly);
            engine.destroyForcibly().waitFor();
        }
    }

    @Test
    void aClientOfAnotherHostConnectsWithACopyOfTheClientFile() throws Exception {
        ClusterOptions options = ClusterOptions.defaults().withIp("*").withLocation("127.0.0.1");
        try (ItCluster cluster = new ItCluster(home, 1, options)) {
            JsonObject copy = JsonParser.parseString(Files.readString(cluster.clientFile())).getAsJsonObject();
            copy.addProperty("host", "another-host 00000000-0000-0000-0000-000000000000");
            copy.addProperty("controller_pid", deadPid()); // here it would read as a stale file of a stopped cluster
            Path copied = elsewhere.resolve("client.json");
            PrivateFile.write(copied, copy.toString());
            try (Client rc = Client.connect(copied)) {
                assertEquals(java.util.List.of(0), rc.ids());
                assertEquals(42, rc.engine(0).applySync(() -> 42));
                double[] big = new double[500_000]; // over the bulk channel's threshold: offered on the location's route
                big[7] = 7.5;
                rc.engine(0).pushSync(Map.of("big", big));
                assertArrayEquals(big, rc.engine(0).pullSync("big"));
            }
        }
    }

    /** A pid no process of this host has now: that of a process that ran and ended. */
    private static long deadPid() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        return ended.pid();
    }
}

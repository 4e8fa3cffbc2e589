package org.jparallel.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jparallel.client.Fn0;
import org.jparallel.client.values.ClassBytes;
import org.jparallel.client.values.ValueDecoder;
import org.jparallel.client.values.ValueEncoder;
import org.jparallel.controller.profile.ProfileDir;
import org.jparallel.wire.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineDeathTest {
    @TempDir
    Path home;

    @Test
    void aKilledEnginesTaskFailsWithEngineErrorAndTheOthersKeepServing() throws Exception {
        try (TestCluster cluster = new TestCluster(home, 2)) {
            TestClient client = cluster.client;
            long pid = client.controllerRequest("connection_request", new JsonObject()).content()
                    .getAsJsonObject("engines").getAsJsonObject("0").get("pid").getAsLong();
            Message doomed = client.execute(0, "System.out.println(\"started\"); Thread.sleep(60_000);");
            client.first(doomed, "stream", Duration.ofSeconds(30));

            ProcessHandle.of(pid).orElseThrow().destroyForcibly();

            Message reply = client.outcome(doomed, Duration.ofSeconds(5)).get(client.outcome(doomed).size() - 1);
            assertEquals("error", TestClient.text(reply, "status"));
            assertEquals("EngineError", TestClient.text(reply, "ename"));
            assertEquals("engine 0 died (pid " + pid + ") while running this task", TestClient.text(reply, "evalue"));
            assertTrue(client.notifications().stream().anyMatch(m -> m.msgType().equals("engine_unregistered")
                    && m.content().get("id").getAsInt() == 0));

            ValueEncoder encoder = new ValueEncoder(ClassBytes.none());
            Message task = client.reply(client.send("apply_request", new JsonObject(), null,
                    encoder.encodeCall((Fn0<String>) () -> "still serving")));
            assertEquals("still serving", new ValueDecoder(getClass().getClassLoader()).decode(task.buffers()));
            assertEquals(1, task.metadata().get("engine_id").getAsInt());
            assertEquals(List.of("1"), List.copyOf(client.controllerRequest("connection_request", new JsonObject())
                    .content().getAsJsonObject("engines").keySet()));
        }
    }

    @Test
    void aKilledEnginesBulkSocketFileIsRemovedWhileTheClusterRuns() throws Exception {
        try (TestCluster cluster = new TestCluster(home, 1)) {
            long pid = cluster.client.controllerRequest("connection_request", new JsonObject()).content()
                    .getAsJsonObject("engines").getAsJsonObject("0").get("pid").getAsLong();
            Path socket = ProfileDir.of(home, "test").clientSocket().resolveSibling("bulk-" + pid + ".sock");
            assertTrue(Files.exists(socket), "an engine's bulk socket file: " + socket);

            ProcessHandle.of(pid).orElseThrow().destroyForcibly();

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Controller.STALE_SOCKET_SWEEP_SECONDS + 20);
            while (Files.exists(socket) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertFalse(Files.exists(socket), "the killed engine's bulk socket file is still there");
        }
    }
}

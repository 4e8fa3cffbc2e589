package org.jparallel.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jparallel.client.Fn;
import org.jparallel.client.Fn0;
import org.jparallel.client.values.ClassBytes;
import org.jparallel.client.values.ValueDecoder;
import org.jparallel.client.values.ValueEncoder;
import org.jparallel.wire.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedCluster.class)
class ApplyTest {
    private final TestClient client;
    private final ValueEncoder encoder = new ValueEncoder(ClassBytes.none());
    private final ValueDecoder decoder = new ValueDecoder(ApplyTest.class.getClassLoader());

    ApplyTest(TestCluster cluster) {
        this.client = cluster.client;
    }

    @Test
    void applyRunsTheFunctionWithItsArgumentsOnTheEngine() {
        Message reply = client.reply(client.send("apply_request", new JsonObject(), 0,
                encoder.encodeCall((Fn<Integer, Integer>) x -> x * x, 7)));
        assertEquals("ok", TestClient.text(reply, "status"));
        assertEquals(49, decoder.decode(reply.buffers()));
        assertEquals(0, reply.metadata().get("engine_id").getAsInt());
    }

    @Test
    void anExceptionOfTheFunctionComesBackAsARemoteError() {
        Message reply = client.reply(client.send("apply_request", new JsonObject(), 1,
                encoder.encodeCall((Fn0<Integer>) () -> Integer.parseInt("not a number"))));
        assertEquals("error", TestClient.text(reply, "status"));
        assertEquals("java.lang.NumberFormatException", TestClient.text(reply, "ename"));
        assertTrue(TestClient.text(reply, "evalue").contains("not a number"));
        assertTrue(reply.content().getAsJsonArray("traceback").size() > 0);
    }

    @Test
    void loadBalancedTasksSpreadOverTheEngines() {
        List<Message> requests = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            requests.add(client.send("apply_request", new JsonObject(), null, encoder.encodeCall(
                    (Fn<Integer, Integer>) x -> {
                        Thread.sleep(300);
                        return x + 1;
                    }, i)));
        }
        Set<Integer> engines = new TreeSet<>();
        for (int i = 0; i < requests.size(); i++) {
            Message reply = client.reply(requests.get(i));
            assertEquals(i + 1, decoder.decode(reply.buffers()));
            engines.add(reply.metadata().get("engine_id").getAsInt());
        }
        assertEquals(Set.of(0, 1), engines);
    }

    @Test
    void pushedValuesAreTypedVariablesThatPullBrings() {
        JsonObject names = new JsonObject();
        JsonArray list = new JsonArray();
        list.add("xs");
        list.add("label");
        names.add("names", list);
        Message pushed = client.reply(client.send("push_request", names, 1,
                encoder.encodeNamed(Map.of("xs", new double[] {1.5, 2.5}, "label", List.of("a", "b")))));
        assertEquals("ok", TestClient.text(pushed, "status"), pushed.content()::toString);

        Message used = client.reply(client.execute(1, "double total = xs[0] + xs[1]; String first = label.get(0).toString();"));
        assertEquals("ok", TestClient.text(used, "status"), used.content()::toString);

        JsonObject pull = new JsonObject();
        JsonArray wanted = new JsonArray();
        wanted.add("total");
        wanted.add("first");
        pull.add("names", wanted);
        Message pulled = client.reply(client.send("pull_request", pull, 1, List.of()));
        assertEquals(Map.of("total", 4.0, "first", "a"), decoder.decodeNamed(pulled.buffers()));
    }

    @Test
    void pullingAnUnknownNameSaysSo() {
        JsonObject pull = new JsonObject();
        JsonArray wanted = new JsonArray();
        wanted.add("neverDefined");
        pull.add("names", wanted);
        Message reply = client.reply(client.send("pull_request", pull, 0, List.of()));
        assertEquals("error", TestClient.text(reply, "status"));
        assertTrue(TestClient.text(reply, "evalue").contains("neverDefined"));
    }
}

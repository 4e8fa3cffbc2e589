package org.jparallel.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.jparallel.wire.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedCluster.class)
class ExecuteTest {
    private final TestClient client;

    ExecuteTest(TestCluster cluster) {
        this.client = cluster.client;
    }

    @Test
    void enginesRegisterWithIdsInOrder() throws Exception {
        Message reply = client.controllerRequest("connection_request", new JsonObject());
        assertEquals(List.of("0", "1"), List.copyOf(reply.content().getAsJsonObject("engines").keySet()));
    }

    @Test
    void anEngineIdThatIsNoWholeIntIsABadRequestNotAnotherEngine() {
        for (String target : List.of("4294967296", "-4294967295", "0.9", "\"0\"")) {
            JsonArray targets = new JsonArray();
            targets.add(JsonParser.parseString(target));
            Message reply = client.reply(client.sendTo(targets, "execute_request", code("int ran = 1;")));

            assertEquals("BadRequest", TestClient.text(reply, "ename"), target);
            assertTrue(TestClient.text(reply, "evalue").endsWith("metadata.targets holds an engine id, a whole number,"
                    + " not " + target), TestClient.text(reply, "evalue"));
        }
    }

    @Test
    void aRefusalQuotesAHugeRequestOnlyInPart() {
        JsonArray targets = new JsonArray();
        JsonArray ids = new JsonArray();
        for (int i = 0; i < 100_000; i++) {
            ids.add(i);
        }
        targets.add(ids);
        Message reply = client.reply(client.sendTo(targets, "execute_request", code("int ran = 1;")));

        String said = TestClient.text(reply, "evalue");
        assertTrue(said.length() < 400 && said.contains("more characters)"), said.length() + ": " + said);
    }

    private static JsonObject code(String code) {
        JsonObject content = new JsonObject();
        content.addProperty("code", code);
        content.addProperty("silent", false);
        return content;
    }

    @Test
    void stateIsKeptBetweenRequestsAndResultsAreCounted() {
        client.reply(client.execute(1, "int kept = 20;"));
        List<Message> outcome = client.outcome(client.execute(1, "kept * 2 + 2"));
        Message result = outcome.stream().filter(m -> m.msgType().equals("execute_result")).findFirst().orElseThrow();
        assertEquals("42", result.content().getAsJsonObject("data").get("text/plain").getAsString());
        Message reply = outcome.get(outcome.size() - 1);
        assertEquals("ok", TestClient.text(reply, "status"));
        assertEquals(result.content().get("execution_count").getAsInt(), reply.content().get("execution_count").getAsInt());
        assertEquals(1, result.metadata().get("engine_id").getAsInt());
    }

    @Test
    void outputIsStreamedWhileTheCodeRuns() {
        Message request = client.execute(0, "System.out.println(\"first\"); Thread.sleep(500); System.out.println(\"second\");");
        Message first = client.first(request, "stream", Duration.ofSeconds(30));
        assertEquals("first\n", TestClient.text(first, "text"));
        List<Message> outcome = client.outcome(request);
        int firstAt = outcome.indexOf(first);
        assertTrue(outcome.subList(firstAt + 1, outcome.size()).stream().anyMatch(m -> m.msgType().equals("stream")
                && TestClient.text(m, "text").contains("second")), outcome::toString);
        assertEquals(0, first.metadata().get("engine_id").getAsInt());
    }

    @Test
    void aFailingCellRepliesWithTheException() {
        List<Message> outcome = client.outcome(client.execute(0, "Integer.parseInt(\"x\")"));
        Message reply = outcome.get(outcome.size() - 1);
        assertEquals("error", TestClient.text(reply, "status"));
        assertEquals("java.lang.NumberFormatException", TestClient.text(reply, "ename"));
        assertTrue(outcome.stream().anyMatch(m -> m.msgType().equals("error")));
    }

    @Test
    void aSignedRequestWhoseContentIsNotJsonIsAnsweredWithAnErrorAndTheEngineServesOn() {
        Message request = client.sendWithContentFrame("execute_request",
                "{\"code\": ".getBytes(StandardCharsets.UTF_8), 0);
        Message reply = client.reply(request);
        assertEquals("error", TestClient.text(reply, "status"));
        assertEquals("MalformedMessage", TestClient.text(reply, "ename"));
        assertTrue(TestClient.text(reply, "evalue").contains("content is not valid JSON"),
                TestClient.text(reply, "evalue"));
        assertEquals("ok", TestClient.text(client.reply(client.execute(0, "1 + 1")), "status"));
    }

    @Test
    void displayTravelsAsDisplayData() {
        List<Message> outcome = client.outcome(client.execute(0, "display(html(\"<b>hi</b>\"));"));
        Message display = outcome.stream().filter(m -> m.msgType().equals("display_data")).findFirst().orElseThrow();
        assertEquals("<b>hi</b>", display.content().getAsJsonObject("data").get("text/html").getAsString());
    }

    @Test
    void interruptStopsABusyLoopWithinTwoSeconds() throws Exception {
        Message loop = client.execute(1, "System.out.println(\"looping\"); while (true) { }");
        client.first(loop, "stream", Duration.ofSeconds(30));
        long sent = System.nanoTime();
        Message interrupt = client.send("interrupt_request", new JsonObject(), 1, List.of());
        Message stopped = client.reply(loop);
        long millis = (System.nanoTime() - sent) / 1_000_000;
        assertEquals("Interrupted", TestClient.text(stopped, "ename"));
        assertTrue(millis < 2000, "stopped after " + millis + " ms");
        assertEquals("ok", TestClient.text(client.reply(interrupt), "status"));
        assertEquals("ok", TestClient.text(client.reply(client.execute(1, "1 + 1")), "status"));
    }

    @Test
    void interruptStopsASleepWithinTwoSeconds() {
        Message sleep = client.execute(0, "System.out.println(\"sleeping\"); Thread.sleep(60_000);");
        client.first(sleep, "stream", Duration.ofSeconds(30));
        long sent = System.nanoTime();
        client.send("interrupt_request", new JsonObject(), 0, List.of());
        Message stopped = client.reply(sleep);
        long millis = (System.nanoTime() - sent) / 1_000_000;
        assertEquals("error", TestClient.text(stopped, "status"));
        assertTrue(millis < 2000, "stopped after " + millis + " ms");
    }
}

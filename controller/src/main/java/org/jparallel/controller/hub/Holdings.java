package org.jparallel.controller.hub;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jparallel.controller.scheduler.EngineLoad;
import org.jparallel.wire.Message;
import org.jparallel.wire.MessageCodec;

/**
 * Which engine holds the result of which apply task, who still needs it, and the relay of held values:
 * a {@code value_request} from a client or an engine goes to the holder with a relay marker and the
 * requester's identity, and the holder's {@code value_reply} comes back through {@link #relay} as raw
 * frames, never decoded here. A value is freed on its engine ({@code release_request}) once its client
 * released it and no unfinished task takes it as an input. Runs under the hub's lock.
 */
final class Holdings {
    static final byte[] TO_CLIENT = "jp-relay-client".getBytes(StandardCharsets.US_ASCII);
    static final byte[] TO_ENGINE = "jp-relay-engine".getBytes(StandardCharsets.US_ASCII);
    private static final int FORGOTTEN = 10_000;

    private static final class Holding {
        final int engineId;
        final long bytes;
        boolean clientRefers = true;

        Holding(int engineId, long bytes) {
            this.engineId = engineId;
            this.bytes = bytes;
        }
    }

    /** A value_request on its way to a holder. */
    private record Fetch(int holderId, byte[] requester, boolean toEngine, byte[] requestHeader) {
    }

    private final Hub hub;
    private final MessageCodec codec;
    private final String session;
    private final Map<String, Holding> holdings = new HashMap<>();
    /** Unfinished tasks that take a result, by that result's msg_id. */
    private final Map<String, Integer> users = new HashMap<>();
    private final Map<String, List<String>> inputsOf = new HashMap<>();
    private final Map<String, Fetch> fetches = new HashMap<>();
    private final Map<String, String> lost = bounded();
    private final Map<String, String> releasedEarly = bounded();

    Holdings(Hub hub, MessageCodec codec, String session) {
        this.hub = hub;
        this.codec = codec;
        this.session = session;
    }

    private static <V> Map<String, V> bounded() {
        return new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > FORGOTTEN;
            }
        };
    }

    /** A task was recorded: the results it takes ({@code metadata.inputs}) stay held until it ends. */
    void submitted(Task task, JsonObject metadata) {
        if (!(metadata.get("inputs") instanceof JsonArray array) || array.isEmpty()) {
            return;
        }
        List<String> inputs = new ArrayList<>();
        array.forEach(id -> inputs.add(id.getAsString()));
        inputsOf.put(task.msgId, inputs);
        inputs.forEach(id -> users.merge(id, 1, Integer::sum));
    }

    /** A successful apply reply: its engine holds the result now. */
    void produced(Task task, int engineId, RoutingHeader route) throws org.jparallel.wire.MalformedMessageException {
        if (!task.msgType.equals("apply_request") || !"ok".equals(Hub.text(route.metadata(), "status", "ok"))) {
            return;
        }
        long bytes = 0;
        for (byte[] buffer : route.buffers()) {
            bytes += buffer.length;
        }
        if (bytes == 0 && RoutingHeader.object(route.contentFrame()).get("held") instanceof JsonObject held) {
            bytes = held.has("bytes") ? held.get("bytes").getAsLong() : 0;
        }
        Holding holding = new Holding(engineId, bytes);
        holdings.put(task.msgId, holding);
        if (releasedEarly.remove(task.msgId) != null) {
            holding.clientRefers = false;
            freeIfUnused(task.msgId);
        }
    }

    /** A task ended, however: the results it took may be freed. */
    void ended(Task task) {
        List<String> inputs = inputsOf.remove(task.msgId);
        if (inputs == null) {
            return;
        }
        for (String input : inputs) {
            if (users.merge(input, -1, Integer::sum) <= 0) {
                users.remove(input);
            }
            freeIfUnused(input);
        }
    }

    /** {@code release_request {msg_ids}} from a client: it no longer refers to these results. */
    void released(List<String> msgIds) {
        for (String msgId : msgIds) {
            Holding holding = holdings.get(msgId);
            if (holding != null) {
                holding.clientRefers = false;
                freeIfUnused(msgId);
            } else if (hub.tasks().get(msgId) != null && !hub.tasks().get(msgId).finished()) {
                releasedEarly.put(msgId, msgId);
            }
        }
    }

    private void freeIfUnused(String msgId) {
        Holding holding = holdings.get(msgId);
        if (holding == null || holding.clientRefers || users.containsKey(msgId)) {
            return;
        }
        holdings.remove(msgId);
        EngineEntry engine = hub.engines().get(holding.engineId);
        if (engine != null) {
            JsonObject content = new JsonObject();
            JsonArray ids = new JsonArray();
            ids.add(msgId);
            content.add("msg_ids", ids);
            hub.sendToEngine(engine, Message.create("release_request", session, content));
        }
    }

    /** An engine is gone, and the results it held: a fetch waiting on it, or a later one, fails with EngineError. */
    void engineLost(int engineId, String reason) {
        for (Iterator<Map.Entry<String, Holding>> it = holdings.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Holding> entry = it.next();
            if (entry.getValue().engineId == engineId) {
                it.remove();
                lost.put(entry.getKey(), "engine " + engineId + ", which held the result of task " + entry.getKey()
                        + " that this task takes as an argument, is gone (" + reason.replace(" while running this task", "")
                        + "); run that task again, or give it retries");
            }
        }
        for (Iterator<Map.Entry<String, Fetch>> it = fetches.entrySet().iterator(); it.hasNext(); ) {
            Fetch fetch = it.next().getValue();
            if (fetch.holderId == engineId) {
                it.remove();
                refuse(fetch.requester, fetch.toEngine, fetch.requestHeader, "EngineError", "engine " + engineId
                        + " died before it sent the value: " + reason.replace(" while running this task", ""));
            }
        }
    }

    /**
     * A {@code value_request {msg_id}} from a client ({@code toEngine} false) or an engine: sent to the holder with
     * the relay marker, or refused at once when no engine holds the value.
     */
    void fetch(byte[] requester, boolean toEngine, RoutingHeader route, List<byte[]> frames)
            throws org.jparallel.wire.MalformedMessageException {
        String msgId = Hub.text(RoutingHeader.object(route.contentFrame()), "msg_id", "");
        Holding holding = holdings.get(msgId);
        EngineEntry holder = holding == null ? null : hub.engines().get(holding.engineId);
        if (holder == null) {
            String why = lost.getOrDefault(msgId, "no engine holds the result of task " + msgId
                    + ": it failed, was released, or never ran");
            refuse(requester, toEngine, route.headerFrame(), lost.containsKey(msgId) ? "EngineError" : "NoSuchValue", why);
            return;
        }
        fetches.put(route.msgId(), new Fetch(holder.id, requester, toEngine, route.headerFrame()));
        List<byte[]> routed = new ArrayList<>(frames.size() + 2);
        routed.add(holder.identity);
        routed.add(toEngine ? TO_ENGINE : TO_CLIENT);
        routed.add(requester);
        routed.addAll(frames.subList(route.delimiter(), frames.size()));
        hub.links().toEngine(routed);
    }

    static boolean isRelay(List<byte[]> frames) {
        return frames.size() > 3 && (Arrays.equals(frames.get(1), TO_CLIENT) || Arrays.equals(frames.get(1), TO_ENGINE));
    }

    /** A holder's answer {@code [holder, marker, requester, <IDS|MSG>, …]}: on to the requester, frames as they came. */
    void relay(List<byte[]> frames) {
        try {
            JsonElement parent = RoutingHeader.object(frames.get(6)).get("msg_id");
            if (parent != null) {
                fetches.remove(parent.getAsString());
            }
        } catch (org.jparallel.wire.MalformedMessageException | IndexOutOfBoundsException e) {
            return; // not a message: drop it, as the hub drops what it cannot read
        }
        List<byte[]> out = frames.subList(2, frames.size());
        if (Arrays.equals(frames.get(1), TO_ENGINE)) {
            hub.links().toEngine(out);
        } else {
            hub.links().toClient(out);
        }
    }

    private void refuse(byte[] requester, boolean toEngine, byte[] requestHeader, String ename, String evalue) {
        try {
            JsonObject header = RoutingHeader.object(requestHeader);
            JsonObject metadata = new JsonObject();
            metadata.addProperty("status", "error");
            if (toEngine) {
                Message reply = new Message(List.of(requester), org.jparallel.wire.Header.create("value_reply", session,
                        "controller"), header, metadata, ClientReplies.errorContent(ename, evalue), List.of());
                hub.links().toEngine(codec.encode(reply));
            } else {
                hub.replies().reply(requester, header, "value_reply", ClientReplies.errorContent(ename, evalue), metadata);
            }
        } catch (org.jparallel.wire.MalformedMessageException e) {
            // a request whose header cannot be read gets no answer
        }
    }

    /**
     * The load of the engine that holds the largest input ({@code metadata.inputs}) of a waiting task, alone; empty
     * when the task has no input held on a registered engine. The hub offers the task to that engine first.
     */
    List<EngineLoad> holderOf(String msgId, List<EngineLoad> loads) {
        List<String> inputs = inputsOf.get(msgId);
        if (inputs == null) {
            return List.of();
        }
        Holding largest = null;
        for (String id : inputs) {
            Holding holding = holdings.get(id);
            if (holding != null && (largest == null || holding.bytes > largest.bytes)) {
                largest = holding;
            }
        }
        if (largest == null) {
            return List.of();
        }
        for (EngineLoad load : loads) {
            if (load.id() == largest.engineId) {
                return List.of(load);
            }
        }
        return List.of();
    }
}

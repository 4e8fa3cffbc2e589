package org.jparallel.controller.hub;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jparallel.controller.records.TaskRecord;
import org.jparallel.controller.scheduler.EngineLoad;
import org.jparallel.wire.JsonFields;
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
        /** The producer's request, kept while the value is held when the producer may run again (retries). */
        final SentRequest request;
        /** The routing identity of the client that submitted the producer. */
        final String client;
        boolean clientRefers = true;

        Holding(int engineId, long bytes, SentRequest request, String client) {
            this.engineId = engineId;
            this.bytes = bytes;
            this.request = request;
            this.client = client;
        }
    }

    /** A client's value_request that waits for its value to be made again. */
    private record Parked(byte[] requester, RoutingHeader route, List<byte[]> frames) {
    }

    /** A value lost with its engine, which its producer's retries allow to make again should a task need it. */
    private record Remakeable(SentRequest request, boolean clientRefers, int engineId, String why) {
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
    private final Map<String, Remakeable> remakeable = bounded();
    /** Clients whose connection closed, by identity: what their tasks still make is released at once. */
    private final Map<String, String> goneClients = bounded();
    /** Producers running again for a lost value, by msg_id: whether their client still refers to the value. */
    private final Map<String, Boolean> remaking = new HashMap<>();
    /** Clients' value_requests for values being made again: sent on once the value is there. */
    private final Map<String, List<Parked>> parked = new HashMap<>();

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
        for (String input : inputs) {
            Remakeable value = remakeable.remove(input);
            if (value != null && !remake(input, value.request(), value.clientRefers(), value.engineId())) {
                lost.put(input, value.why());
            }
        }
    }

    /**
     * Runs the producer of a lost value again when its retries allow; the tasks that take the value wait for the
     * new result, and the client's requests for it too.
     */
    private boolean remake(String msgId, SentRequest request, boolean clientRefers, int lostEngineId) {
        if (!hub.runAgain(msgId, request, lostEngineId)) {
            return false;
        }
        lost.remove(msgId);
        remaking.put(msgId, clientRefers);
        return true;
    }

    /** Whether some input of this task is being made again: a task that failed for want of it may wait for it. */
    boolean awaitsRemake(String msgId) {
        List<String> inputs = inputsOf.get(msgId);
        if (inputs != null) {
            for (String input : inputs) {
                if (remaking.containsKey(input)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether an engine holds some input of this task, as far as the controller knows. */
    boolean holdsInputOf(String msgId) {
        List<String> inputs = inputsOf.get(msgId);
        return inputs != null && inputs.stream().anyMatch(holdings::containsKey);
    }

    /** Why a waiting task can never have one of its inputs (its engine died, and it will not be made again), or null. */
    String lostInput(String msgId) {
        List<String> inputs = inputsOf.get(msgId);
        if (inputs != null && !lost.isEmpty()) {
            for (String input : inputs) {
                String why = lost.get(input);
                if (why != null && !holdings.containsKey(input) && !remaking.containsKey(input)) {
                    return why;
                }
            }
        }
        return null;
    }

    /**
     * An apply reply: when it succeeded, its engine holds the result now.
     *
     * @param request the request, when its retries allow running it again should its engine die; else null
     */
    void produced(Task task, int engineId, RoutingHeader route, SentRequest request)
            throws org.jparallel.wire.MalformedMessageException {
        Boolean clientRefers = remaking.remove(task.msgId);
        if (!task.msgType.equals("apply_request")
                || !"ok".equals(JsonFields.string(route.metadata(), "status", "ok"))) {
            if (clientRefers != null) {
                remakeFailed(task.msgId, "engine " + engineId + " failed to make it again");
            }
            return;
        }
        long bytes = 0;
        for (byte[] buffer : route.buffers()) {
            bytes += buffer.length;
        }
        if (bytes == 0 && RoutingHeader.object(route.contentFrame()).get("held") instanceof JsonObject held) {
            bytes = held.has("bytes") ? held.get("bytes").getAsLong() : 0;
        }
        String client = clientKey(task.client);
        Holding holding = new Holding(engineId, bytes, request, client);
        holdings.put(task.msgId, holding);
        if (releasedEarly.remove(task.msgId) != null || Boolean.FALSE.equals(clientRefers)
                || goneClients.containsKey(client)) {
            holding.clientRefers = false;
        }
        refetch(task.msgId);
        freeIfUnused(task.msgId);
    }

    /** A producer run again ended without its value (failed, or no engine could run it): its waiters fail. */
    void remakeFailed(String msgId, String why) {
        remaking.remove(msgId);
        String reason = "the result of task " + msgId + " was lost with its engine, and running the task again"
                + " failed (" + why + ")";
        lost.put(msgId, reason);
        refetch(msgId); // refused now, with the reason
    }

    /** The clients' requests for a value that was being made again: on to its new holder, or refused. */
    private void refetch(String msgId) {
        List<Parked> waiting = parked.remove(msgId);
        if (waiting == null) {
            return;
        }
        for (Parked request : waiting) {
            try {
                fetch(request.requester(), false, request.route(), request.frames());
            } catch (org.jparallel.wire.MalformedMessageException e) {
                // it was read once already
            }
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
        Map<Integer, JsonArray> freed = new HashMap<>();
        for (String msgId : msgIds) {
            Holding holding = holdings.get(msgId);
            if (holding != null) {
                holding.clientRefers = false;
                free(msgId, freed);
            } else if (hub.tasks().get(msgId) != null && !hub.tasks().get(msgId).finished()) {
                releasedEarly.put(msgId, msgId);
            }
        }
        freed.forEach(this::sendRelease);
    }

    /**
     * A client's connection closed: nothing refers to its results any more (a client that closes itself has
     * released them already; one killed could not). Tasks that take them as inputs keep them until they end.
     */
    void clientGone(byte[] identity) {
        String client = clientKey(identity);
        goneClients.put(client, client);
        Map<Integer, JsonArray> freed = new HashMap<>();
        for (String msgId : new ArrayList<>(holdings.keySet())) {
            Holding holding = holdings.get(msgId);
            if (holding.client.equals(client) && holding.clientRefers) {
                holding.clientRefers = false;
                free(msgId, freed);
            }
        }
        freed.forEach(this::sendRelease);
    }

    private static String clientKey(byte[] identity) {
        return identity == null ? "" : HexFormat.of().formatHex(identity);
    }

    private void freeIfUnused(String msgId) {
        Map<Integer, JsonArray> freed = new HashMap<>();
        free(msgId, freed);
        freed.forEach(this::sendRelease);
    }

    /** Forgets the value when nothing needs it, noting its msg_id under its engine in {@code freed}. */
    private void free(String msgId, Map<Integer, JsonArray> freed) {
        Holding holding = holdings.get(msgId);
        if (holding == null || holding.clientRefers || users.containsKey(msgId)) {
            return;
        }
        holdings.remove(msgId);
        freed.computeIfAbsent(holding.engineId, id -> new JsonArray()).add(msgId);
    }

    /** The values one engine keeps for results: how many, and their bytes (frames and bulk arrays). */
    record Kept(int values, long bytes) {
        static final Kept NONE = new Kept(0, 0);

        Kept plus(Kept other) {
            return new Kept(values + other.values, bytes + other.bytes);
        }
    }

    /** What each engine keeps, for {@code queue_request}: engines that keep nothing are absent. */
    Map<Integer, Kept> keptByEngine() {
        Map<Integer, Kept> kept = new HashMap<>();
        holdings.values().forEach(h -> kept.merge(h.engineId, new Kept(1, h.bytes), Kept::plus));
        return kept;
    }

    /** One {@code release_request} per engine for all the values freed at once, not one per value. */
    private void sendRelease(int engineId, JsonArray ids) {
        EngineEntry engine = hub.engines().get(engineId);
        if (engine != null) {
            JsonObject content = new JsonObject();
            content.add("msg_ids", ids);
            hub.sendToEngine(engine, Message.create("release_request", session, content));
        }
    }

    /**
     * An engine is gone, and the results it held. The producer of a value some unfinished task needs runs again
     * when its retries allow (so does one whose value a task asks for later); otherwise those tasks fail with
     * EngineError, as does a fetch waiting on the engine.
     */
    void engineLost(int engineId, String reason) {
        String why = reason.replace(" while running this task", "");
        List<Map.Entry<String, Holding>> gone = new ArrayList<>();
        for (Iterator<Map.Entry<String, Holding>> it = holdings.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Holding> entry = it.next();
            if (entry.getValue().engineId == engineId) {
                it.remove();
                gone.add(entry);
            }
        }
        for (Map.Entry<String, Holding> entry : gone) {
            String msgId = entry.getKey();
            Holding holding = entry.getValue();
            String lostWhy = "engine " + engineId + ", which held the result of task " + msgId
                    + " that this task takes as an argument, is gone (" + why + "); run that task again, or give it"
                    + " retries";
            if (holding.request == null) {
                lost.put(msgId, lostWhy);
            } else if (!users.containsKey(msgId)) {
                lost.put(msgId, lostWhy);
                remakeable.put(msgId, new Remakeable(holding.request, holding.clientRefers, engineId, lostWhy));
            } else if (!remake(msgId, holding.request, holding.clientRefers, engineId)) {
                lost.put(msgId, lostWhy.replace("; run that task again, or give it retries",
                        "; its task has no retries left"));
            }
        }
        for (Iterator<Map.Entry<String, Fetch>> it = fetches.entrySet().iterator(); it.hasNext(); ) {
            Fetch fetch = it.next().getValue();
            if (fetch.holderId == engineId) {
                it.remove();
                refuse(fetch.requester, fetch.toEngine, fetch.requestHeader, "EngineError", "engine " + engineId
                        + " died before it sent the value: " + why);
            }
        }
    }

    /**
     * A {@code value_request {msg_id}} from a client ({@code toEngine} false) or an engine: sent to the holder with
     * the relay marker, or refused at once when no engine holds the value.
     */
    void fetch(byte[] requester, boolean toEngine, RoutingHeader route, List<byte[]> frames)
            throws org.jparallel.wire.MalformedMessageException {
        String msgId = JsonFields.string(RoutingHeader.object(route.contentFrame()), "msg_id", "");
        Remakeable value = toEngine ? null : remakeable.remove(msgId);
        if (value != null && !remake(msgId, value.request(), value.clientRefers(), value.engineId())) {
            lost.put(msgId, value.why());
        }
        if (!toEngine && remaking.containsKey(msgId)) {
            parked.computeIfAbsent(msgId, id -> new ArrayList<>()).add(new Parked(requester, route, frames));
            return;
        }
        Holding holding = holdings.get(msgId);
        EngineEntry holder = holding == null ? null : hub.engines().get(holding.engineId);
        if (holder == null) {
            String why;
            if (remaking.containsKey(msgId)) {
                why = "the result of task " + msgId + " is being made again: its engine died";
            } else if (lost.containsKey(msgId)) {
                why = lost.get(msgId);
            } else {
                TaskRecord record = hub.log().store().get(msgId).orElse(null);
                if (holdsItsValue(record)) {
                    valueReply(requester, toEngine, route.headerFrame(), "ok", ControllerRequests.ok(),
                            record.buffers());
                    return;
                }
                why = noHolder(msgId, record);
            }
            if (!toEngine) {
                // the client's own get(), not a task's argument
                why = why.replace(" that this task takes as an argument", ", a value over 1 MiB that stays on its"
                        + " engine until it is read");
            }
            refuse(requester, toEngine, route.headerFrame(),
                    lost.containsKey(msgId) || remaking.containsKey(msgId) ? "EngineError" : "NoSuchValue", why);
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

    private static String noHolder(String msgId, TaskRecord record) {
        if (record == null) {
            return "no engine holds the result of task " + msgId + ", and the controller has no record of it: it"
                    + " never ran, or its record was purged (or was among the oldest past the records' bound)";
        }
        return record.status().equals("ok")
                ? "no engine holds the value of task " + msgId + " any more: a value over 1 MiB stays on the engine"
                + " that made it, not in the task records, and is freed once the client that sent the task has"
                + " released its AsyncResult (or with its cluster); keep that AsyncResult to use the value later"
                : "task " + msgId + " has no value: it ended " + record.status();
    }

    /**
     * Whether a finished apply task's record holds its value itself (one up to 1 MiB travels in its reply, which the
     * record keeps), for when no engine holds it any more: its client released it, or the cluster restarted. Not a
     * value held on its engine, a failure, or no record.
     */
    private static boolean holdsItsValue(TaskRecord record) {
        return record != null && record.status().equals("ok") && record.msgType().equals("apply_request")
                && !record.buffers().isEmpty()
                && !JsonParser.parseString(record.content()).getAsJsonObject().has("held");
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
        valueReply(requester, toEngine, requestHeader, "error", ClientReplies.errorContent(ename, evalue), List.of());
    }

    /** The controller's own {@code value_reply}, to an engine or a client: a refusal, or a value as its holder sends. */
    private void valueReply(byte[] requester, boolean toEngine, byte[] requestHeader, String status, JsonObject content,
                            List<byte[]> frames) {
        try {
            JsonObject header = RoutingHeader.object(requestHeader);
            JsonObject metadata = new JsonObject();
            metadata.addProperty("status", status);
            if (toEngine) {
                hub.links().toEngine(codec.encode(new Message(List.of(requester), org.jparallel.wire.Header.create(
                        "value_reply", session, "controller"), header, metadata, content, frames)));
            } else {
                hub.replies().reply(requester, header, "value_reply", content, metadata, frames);
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

package org.jparallel.controller.hub;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jparallel.controller.launch.EngineSite;
import org.jparallel.wire.MalformedMessageException;

/**
 * The requests clients address to the controller itself: {@code connection_request},
 * {@code queue_request}, {@code result_request}, {@code purge_request}, {@code db_request}, {@code shutdown_request},
 * {@code engines_request}, {@code restart_request} and {@code history_request}.
 * Runs under the hub's lock.
 */
final class ControllerRequests {
    private final Hub hub;

    ControllerRequests(Hub hub) {
        this.hub = hub;
    }

    void answer(byte[] client, RoutingHeader route, List<byte[]> frames) throws MalformedMessageException {
        JsonObject content = RoutingHeader.object(frames.get(route.delimiter() + 5));
        if (route.msgType().equals("result_request")) {
            ResultAnswer answer = new TaskResults(hub).answer(content);
            hub.replies().reply(client, RoutingHeader.object(route.headerFrame()), "result_reply", answer.content(),
                    new JsonObject(), answer.buffers());
            return;
        }
        JsonObject reply = switch (route.msgType()) {
            case "connection_request" -> connection();
            case "queue_request" -> queue();
            case "purge_request" -> new TaskResults(hub).purge(content);
            case "db_request" -> new TaskResults(hub).find(content);
            case "shutdown_request" -> shutdown(content);
            case "engines_request" -> engines(content);
            case "restart_request" -> restart();
            case "history_request" -> history();
            default -> throw new IllegalArgumentException("not a controller request: " + route.msgType());
        };
        hub.replies().reply(client, RoutingHeader.object(route.headerFrame()), ClientReplies.replyType(route.msgType()), reply,
                new JsonObject());
    }

    private JsonObject connection() {
        JsonObject engines = new JsonObject();
        hub.engines().forEach((id, engine) -> {
            JsonObject entry = new JsonObject();
            entry.addProperty("pid", engine.pid);
            entry.addProperty("host", engine.host);
            engines.add(String.valueOf(id), entry);
        });
        JsonObject reply = ok();
        reply.add("engines", engines);
        reply.addProperty("lost_launches", hub.lostLaunches());
        reply.addProperty("scheme", hub.scheduler().scheme());
        reply.addProperty("hwm", hub.scheduler().highWaterMark());
        reply.addProperty("signature_scheme", hub.scheme());
        reply.addProperty("profile", hub.profile());
        return reply;
    }

    private JsonObject queue() {
        JsonObject engines = new JsonObject();
        Map<Integer, Holdings.Kept> kept = hub.holdings().keptByEngine();
        hub.engines().forEach((id, engine) -> {
            JsonObject entry = new JsonObject();
            entry.addProperty("queue", engine.outstanding.size());
            entry.addProperty("completed", engine.completed);
            Holdings.Kept values = kept.getOrDefault(id, Holdings.Kept.NONE);
            entry.addProperty("held", values.values());
            entry.addProperty("held_bytes", values.bytes());
            engines.add(String.valueOf(id), entry);
        });
        JsonObject reply = ok();
        reply.add("engines", engines);
        reply.addProperty("unassigned", hub.waitingCount());
        return reply;
    }

    private JsonObject shutdown(JsonObject request) {
        if (request.has("targets")) { // some engines only: ipyparallel's rc.shutdown(targets)
            List<Integer> targets = new ArrayList<>();
            request.getAsJsonArray("targets").forEach(id -> targets.add(id.getAsInt()));
            for (int id : targets) {
                if (!hub.engines().containsKey(id)) {
                    throw new IllegalArgumentException("there is no engine " + id + ": the cluster has engines "
                            + hub.engines().keySet());
                }
            }
            hub.shutdownEngines(targets);
            return ok();
        }
        boolean controllerToo = request.has("controller") && request.get("controller").getAsBoolean();
        hub.control().shutdown(controllerToo);
        return ok();
    }

    private JsonObject engines(JsonObject request) {
        int n = request.has("n") ? request.get("n").getAsInt() : 0;
        if (n < 1 || n > 256) {
            throw new IllegalArgumentException("engines_request asks for 1 to 256 engines, not " + n);
        }
        EngineSite.of(request).ifPresentOrElse(site -> hub.control().launchEngines(n, site),
                () -> hub.control().launchEngines(n));
        return ok();
    }

    /**
     * The msg_ids of every task the controller knows, finished (its records, so not the purged) or not, oldest
     * submission first: ipyparallel's {@code hub_history}.
     */
    private JsonObject history() {
        Map<String, String> submitted = new HashMap<>(hub.log().store().submissions());
        hub.tasks().forEach((msgId, task) -> {
            if (!task.finished()) { // a finished one is in the records, unless purged
                submitted.putIfAbsent(msgId, task.submitted);
            }
        });
        // Each time parsed once, not once per comparison.
        record Submission(Instant at, String msgId) {
        }
        JsonArray history = new JsonArray();
        submitted.entrySet().stream()
                .map(e -> new Submission(instant(e.getValue()), e.getKey()))
                .sorted(Comparator.comparing(Submission::at).thenComparing(Submission::msgId))
                .forEach(submission -> history.add(submission.msgId()));
        JsonObject reply = ok();
        reply.add("history", history);
        return reply;
    }

    static Instant instant(String iso) {
        try {
            return Instant.parse(iso);
        } catch (RuntimeException e) {
            return Instant.EPOCH; // a record without a time sorts first
        }
    }

    private JsonObject restart() {
        JsonObject reply = ok();
        reply.addProperty("engines", hub.control().restartEngines());
        return reply;
    }

    static JsonObject ok() {
        JsonObject reply = new JsonObject();
        reply.addProperty("status", "ok");
        return reply;
    }
}

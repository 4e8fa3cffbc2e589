package org.jparallel.controller.hub;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import org.jparallel.wire.MalformedMessageException;

/**
 * The requests clients address to the controller itself: {@code connection_request},
 * {@code queue_request}, {@code result_request}, {@code shutdown_request} and {@code engines_request}.
 * Runs under the hub's lock.
 */
final class ControllerRequests {
    private final Hub hub;

    ControllerRequests(Hub hub) {
        this.hub = hub;
    }

    void answer(byte[] client, RoutingHeader route, List<byte[]> frames) throws MalformedMessageException {
        JsonObject content = RoutingHeader.object(frames.get(route.delimiter() + 5));
        JsonObject reply = switch (route.msgType()) {
            case "connection_request" -> connection();
            case "queue_request" -> queue();
            case "result_request" -> results(content);
            case "shutdown_request" -> shutdown(content);
            case "engines_request" -> engines(content);
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
        reply.addProperty("scheme", "leastload");
        reply.addProperty("signature_scheme", hub.scheme());
        reply.addProperty("profile", hub.profile());
        return reply;
    }

    private JsonObject queue() {
        JsonObject engines = new JsonObject();
        hub.engines().forEach((id, engine) -> {
            JsonObject entry = new JsonObject();
            entry.addProperty("queue", engine.outstanding.size());
            entry.addProperty("completed", engine.completed);
            engines.add(String.valueOf(id), entry);
        });
        JsonObject reply = ok();
        reply.add("engines", engines);
        reply.addProperty("unassigned", hub.waitingCount());
        return reply;
    }

    private JsonObject results(JsonObject request) {
        JsonObject results = new JsonObject();
        if (request.get("msg_ids") instanceof JsonArray ids) {
            for (JsonElement id : ids) {
                Task task = hub.tasks().get(id.getAsString());
                if (task == null) {
                    continue;
                }
                JsonObject record = new JsonObject();
                record.addProperty("msg_type", task.msgType);
                record.addProperty("status", task.status);
                record.addProperty("engine_id", task.engineId);
                record.addProperty("submitted", task.submitted);
                if (task.started != null) {
                    record.addProperty("started", task.started);
                }
                if (task.completed != null) {
                    record.addProperty("completed", task.completed);
                }
                results.add(task.msgId, record);
            }
        }
        JsonObject reply = ok();
        reply.add("results", results);
        return reply;
    }

    private JsonObject shutdown(JsonObject request) {
        boolean controllerToo = request.has("controller") && request.get("controller").getAsBoolean();
        hub.control().shutdown(controllerToo);
        return ok();
    }

    private JsonObject engines(JsonObject request) {
        int n = request.has("n") ? request.get("n").getAsInt() : 0;
        if (n < 1 || n > 256) {
            throw new IllegalArgumentException("engines_request asks for 1 to 256 engines, not " + n);
        }
        hub.control().launchEngines(n);
        return ok();
    }

    private static JsonObject ok() {
        JsonObject reply = new JsonObject();
        reply.addProperty("status", "ok");
        return reply;
    }
}

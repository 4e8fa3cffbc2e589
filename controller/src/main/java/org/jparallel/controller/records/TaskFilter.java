package org.jparallel.controller.records;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Set;

/**
 * Which task records a {@code db_request} asks for (ipyparallel's {@code rc.db_query}): every criterion given must
 * hold, an absent one holds for all. Times compare as instants; a bound {@code after} is inclusive, {@code before}
 * exclusive. A criterion on completion leaves out the tasks still pending.
 *
 * <pre>{@code
 * TaskFilter failedToday = TaskFilter.of(JsonParser.parseString(
 *         "{\"status\": [\"error\"], \"submitted\": {\"after\": \"2026-11-27T00:00:00Z\"}}").getAsJsonObject());
 * failedToday.matches(record);
 * }</pre>
 */
public record TaskFilter(Set<String> msgIds, String msgType, String label, Set<String> statuses, Integer engineId,
                         Instant submittedAfter, Instant submittedBefore, Instant completedAfter,
                         Instant completedBefore) {

    /** The filter a {@code db_request}'s content describes; malformed criteria throw IllegalArgumentException. */
    public static TaskFilter of(JsonObject request) {
        JsonObject submitted = object(request, "submitted");
        JsonObject completed = object(request, "completed");
        return new TaskFilter(strings(request, "msg_ids"), string(request, "msg_type"), string(request, "label"),
                strings(request, "status"), request.has("engine_id") ? request.get("engine_id").getAsInt() : null,
                instant(submitted, "after"), instant(submitted, "before"), instant(completed, "after"),
                instant(completed, "before"));
    }

    public boolean matches(TaskRecord r) {
        return (msgIds == null || msgIds.contains(r.msgId()))
                && (msgType == null || msgType.equals(r.msgType()))
                && (label == null || label.equals(r.label()))
                && (statuses == null || statuses.contains(r.status()))
                && (engineId == null || engineId == r.engineId())
                && within(r.submitted(), submittedAfter, submittedBefore)
                && (completedAfter == null && completedBefore == null
                    || r.completed() != null && within(r.completed(), completedAfter, completedBefore));
    }

    private static boolean within(String iso, Instant after, Instant before) {
        if (after == null && before == null) {
            return true;
        }
        Instant at;
        try {
            at = Instant.parse(iso);
        } catch (RuntimeException e) {
            return false; // a record without a readable time is in no window
        }
        return (after == null || !at.isBefore(after)) && (before == null || at.isBefore(before));
    }

    private static JsonObject object(JsonObject request, String key) {
        return request.get(key) instanceof JsonObject o ? o : new JsonObject();
    }

    private static String string(JsonObject request, String key) {
        JsonElement value = request.get(key);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }

    private static Set<String> strings(JsonObject request, String key) {
        if (!(request.get(key) instanceof JsonArray array)) {
            return null;
        }
        Set<String> values = new HashSet<>();
        array.forEach(e -> values.add(e.getAsString()));
        return values;
    }

    private static Instant instant(JsonObject bounds, String key) {
        String iso = string(bounds, key);
        try {
            return iso == null ? null : Instant.parse(iso);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an ISO-8601 instant: " + iso);
        }
    }
}

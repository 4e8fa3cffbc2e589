package org.jparallel.client;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jparallel.wire.JsonFields;
import org.jparallel.wire.Message;

/** One request of an {@link AsyncResult} and what came back for it; guarded by the result's lock. */
final class TaskState {
    final String msgId;
    /** When this client sent it; for a task of the controller's records, when the controller received it. */
    Instant submitted;
    /** Whether {@link #submitted} is the controller's record, not this client's own clock. */
    boolean submittedRecorded;
    int engineId;
    Instant started;
    Instant completed;
    // the engine's times as sent: parsed only when someone reads the metadata, not for every reply
    private String startedText;
    private String completedText;
    Message reply;
    final List<EngineOutput> outputs = new ArrayList<>();
    /** Characters of stream output kept in {@link #outputs}; past {@link #KEPT_STREAM_CHARS}, no more are kept. */
    private long keptStreamChars;
    boolean decoded;
    Object value;

    /**
     * How much a task's printed text its result keeps ({@code stdout()}, {@code outputs()}): a task that prints without
     * end must not fill the client's heap. What streams to the notebook as it comes is not cut.
     */
    static final long KEPT_STREAM_CHARS = 16L << 20;

    /** Keeps an output of this task, unless it is text past what a result keeps (then a note, once). */
    void keep(EngineOutput output) {
        boolean text = output.kind() == EngineOutput.Kind.STDOUT || output.kind() == EngineOutput.Kind.STDERR;
        if (!text) {
            outputs.add(output);
            return;
        }
        if (keptStreamChars > KEPT_STREAM_CHARS) {
            return;
        }
        keptStreamChars += output.text().length();
        outputs.add(keptStreamChars <= KEPT_STREAM_CHARS ? output : new EngineOutput(output.engineId(),
                EngineOutput.Kind.STDERR, "\n[jparallel: the result keeps the first " + (KEPT_STREAM_CHARS >> 20)
                + " MB of what the task printed; the rest was shown, not kept]\n", Map.of(), 0));
    }

    TaskState(String msgId, int targetEngine, Instant submitted) {
        this.msgId = msgId;
        this.engineId = targetEngine;
        this.submitted = submitted;
    }

    boolean done() {
        return reply != null;
    }

    /**
     * Keeps what a result reads of its reply later: content, buffers, and the two ids a held value is fetched and
     * reported by ({@code msg_id} of the parent header, {@code engine_id} of the metadata). Not the rest of those two
     * dicts, which {@link #learnFrom} has read: results outlive their replies by the thousands (a map over 20,000
     * elements kept 3.2 KB per element, 1.4 KB of it in them).
     */
    void answer(Message message) {
        reply = new Message(List.of(), message.header(), only(message.parentHeader(), "msg_id"),
                only(message.metadata(), "engine_id"), message.content(), message.buffers());
    }

    private static JsonObject only(JsonObject dict, String key) {
        JsonObject kept = new JsonObject();
        JsonElement value = dict.get(key);
        if (value != null) {
            kept.add(key, value);
        }
        return kept;
    }

    String status() {
        if (reply == null) {
            return "pending";
        }
        JsonElement status = reply.content().get("status");
        return status == null || status.isJsonNull() ? "ok" : status.getAsString();
    }

    /** Learns the engine and times from a message's metadata ({@code engine_id}, {@code started}, {@code completed}). */
    void learnFrom(Message message) {
        JsonObject metadata = message.metadata();
        JsonElement id = metadata.get("engine_id");
        if (id != null && id.isJsonPrimitive()) {
            engineId = id.getAsInt();
        }
        startedText = JsonFields.string(metadata, "started", startedText);
        completedText = JsonFields.string(metadata, "completed", completedText);
        String recorded = JsonFields.string(metadata, "submitted", null);
        if (recorded != null) { // only the controller's records say when: another client's task, maybe
            Optional<Instant> at = time(recorded);
            if (at.isPresent()) {
                submitted = at.get();
                submittedRecorded = true;
            }
        }
    }

    TaskMetadata metadata() {
        if (startedText != null) {
            started = time(startedText).orElse(started);
            startedText = null;
        }
        if (completedText != null) {
            completed = time(completedText).orElse(completed);
            completedText = null;
        }
        return new TaskMetadata(msgId, engineId, submitted, Optional.ofNullable(started),
                Optional.ofNullable(completed), status());
    }

    private static Optional<Instant> time(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException withoutZone) {
            try {
                // Python's isoformat() leaves the zone out of UTC times
                return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException ex) {
                return Optional.empty();
            }
        }
    }
}

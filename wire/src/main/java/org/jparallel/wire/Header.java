package org.jparallel.wire;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * The header of a Jupyter message: who sent it, when, and what it is.
 *
 * <pre>{@code
 * Header h = Header.create("execute_request", session, "user");
 * }</pre>
 *
 * @param msgId    unique id of this message
 * @param session  id of the sending session
 * @param username who sent it
 * @param date     ISO 8601 time stamp with time zone
 * @param msgType  the message type, e.g. {@code execute_request}
 * @param version  the protocol version
 */
public record Header(String msgId, String session, String username, String date, String msgType, String version) {

    /** The protocol version we speak. */
    public static final String PROTOCOL_VERSION = "5.3";

    public Header {
        Objects.requireNonNull(msgId, "msg_id");
        Objects.requireNonNull(msgType, "msg_type");
        session = session == null ? "" : session;
        username = username == null ? "" : username;
        date = date == null ? "" : date;
        version = version == null ? PROTOCOL_VERSION : version;
    }

    /** A new header with a fresh id and the current time. */
    public static Header create(String msgType, String session, String username) {
        return new Header(UUID.randomUUID().toString(), session, username, now(), msgType, PROTOCOL_VERSION);
    }

    /** The current time as Jupyter writes it: UTC, microseconds. */
    public static String now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS).toString();
    }

    /** Reads a header dict; throws {@link MalformedMessageException} when a required key is missing. */
    public static Header fromJson(JsonObject json) throws MalformedMessageException {
        String msgId = string(json, "msg_id");
        String msgType = string(json, "msg_type");
        if (msgId == null || msgType == null) {
            throw new MalformedMessageException("header lacks msg_id or msg_type");
        }
        return new Header(msgId, string(json, "session"), string(json, "username"), string(json, "date"),
                msgType, string(json, "version"));
    }

    private static String string(JsonObject json, String key) {
        JsonElement e = json.get(key);
        return e == null || !e.isJsonPrimitive() ? null : e.getAsString();
    }

    /** This header as the dict that goes on the wire. */
    public JsonObject toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("msg_id", msgId);
        json.addProperty("session", session);
        json.addProperty("username", username);
        json.addProperty("date", date);
        json.addProperty("msg_type", msgType);
        json.addProperty("version", version);
        return json;
    }
}

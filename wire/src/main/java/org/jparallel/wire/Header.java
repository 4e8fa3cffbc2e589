package org.jparallel.wire;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

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
        return new Header(newId(), session, username, now(), msgType, PROTOCOL_VERSION);
    }

    /**
     * A fresh message id: a random (version 4) UUID. An id must be unique, not unguessable (signatures are
     * what a forger cannot make), so it comes from {@link ThreadLocalRandom}: {@link UUID#randomUUID()}
     * locks a shared SecureRandom that reads /dev/urandom, and every task sends several messages.
     */
    public static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0xC0L << 56)) | (0x80L << 56);
        return new UUID(high, low).toString();
    }

    /** The current time as Jupyter writes it: UTC, microseconds, e.g. {@code 2026-11-25T20:55:41.062113Z}. */
    public static String now() {
        return format(Instant.now());
    }

    /**
     * {@code time} in ISO 8601, UTC, with six fraction digits. Written out here because Instant's formatter
     * cost more than the rest of a reply's header, and an engine stamps three times per task.
     */
    static String format(Instant time) {
        long seconds = time.getEpochSecond();
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400));
        if (day.getYear() < 1000 || day.getYear() > 9999) {
            return time.truncatedTo(ChronoUnit.MICROS).toString();
        }
        int second = (int) Math.floorMod(seconds, 86_400);
        char[] out = "0000-00-00T00:00:00.000000Z".toCharArray();
        digits(out, 0, 4, day.getYear());
        digits(out, 5, 2, day.getMonthValue());
        digits(out, 8, 2, day.getDayOfMonth());
        digits(out, 11, 2, second / 3600);
        digits(out, 14, 2, second / 60 % 60);
        digits(out, 17, 2, second % 60);
        digits(out, 20, 6, time.getNano() / 1000);
        return new String(out);
    }

    private static void digits(char[] out, int at, int width, int value) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
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

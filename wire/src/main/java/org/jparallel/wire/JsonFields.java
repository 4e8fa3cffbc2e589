package org.jparallel.wire;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Optional fields of JSON dicts (message content, headers, connection files), read with a fallback for a field
 * that is absent, null or not a plain value.
 *
 * <pre>{@code
 * String code = JsonFields.string(content, "code", "");
 * boolean silent = JsonFields.bool(content, "silent", false);
 * }</pre>
 */
public final class JsonFields {
    private JsonFields() {
    }

    public static String string(JsonObject o, String key, String fallback) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() || !e.isJsonPrimitive() ? fallback : e.getAsString();
    }

    public static boolean bool(JsonObject o, String key, boolean fallback) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() || !e.isJsonPrimitive() ? fallback : e.getAsBoolean();
    }

    public static int integer(JsonObject o, String key, int fallback) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() || !e.isJsonPrimitive() ? fallback : e.getAsInt();
    }

    public static JsonObject object(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || !e.isJsonObject() ? new JsonObject() : e.getAsJsonObject();
    }

    /** The strings of an array field; empty when the field is absent or not an array. */
    public static List<String> stringList(JsonObject o, String key) {
        JsonElement e = o.get(key);
        List<String> strings = new ArrayList<>();
        if (e != null && e.isJsonArray()) {
            for (JsonElement item : e.getAsJsonArray()) {
                strings.add(item.getAsString());
            }
        }
        return strings;
    }

    public static JsonArray strings(Collection<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }

    /** A content dict with {@code status: ok}. */
    public static JsonObject ok() {
        JsonObject o = new JsonObject();
        o.addProperty("status", "ok");
        return o;
    }
}

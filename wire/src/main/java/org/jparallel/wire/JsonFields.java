package org.jparallel.wire;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Reading optional fields of the JSON dicts our files and messages hold.
 *
 * <pre>{@code
 * String ip = JsonFields.string(json, "ip", "127.0.0.1");
 * }</pre>
 */
public final class JsonFields {
    private JsonFields() {
    }

    /**
     * The field as text, or {@code fallback} when it is absent or null. A field that is an object or an
     * array is not text: reading it throws, so a malformed file or message is reported as such.
     */
    public static String string(JsonObject json, String name, String fallback) {
        JsonElement e = json.get(name);
        return e == null || e.isJsonNull() ? fallback : e.getAsString();
    }
}

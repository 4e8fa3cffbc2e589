package org.jparallel.display;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

import java.util.Objects;

/**
 * A JSON document for the notebook's JSON viewer ({@code application/json});
 * {@code text/plain} shows it pretty-printed.
 *
 * <pre>{@code
 * json("{\"name\": \"jparallel\", \"engines\": 4}")
 * json(Map.of("engines", 4))
 * }</pre>
 */
public record Json(JsonElement value) implements Displayable {
    private static final Gson PRETTY = new GsonBuilder().setPrettyPrinting().serializeNulls().create();

    public Json {
        value = Objects.requireNonNull(value, "value").deepCopy();
    }

    /** Parses JSON text; throws {@link com.google.gson.JsonSyntaxException} if it is not JSON. */
    public static Json parse(String text) {
        return new Json(JsonParser.parseString(text));
    }

    /** Maps, lists, strings, numbers, records... as Gson serializes them. */
    public static Json of(Object value) {
        return new Json(PRETTY.toJsonTree(value));
    }

    /** A copy, so that a caller's edits cannot change this value. */
    @Override
    public JsonElement value() {
        return value.deepCopy();
    }

    @Override
    public MimeBundle toMimeBundle() {
        return MimeBundle.text(PRETTY.toJson(value)).with(MimeType.APPLICATION_JSON, value);
    }
}

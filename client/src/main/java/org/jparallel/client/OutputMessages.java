package org.jparallel.client;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jparallel.wire.Message;

/** Reads the output messages an engine emits while running a request into {@link EngineOutput}s. */
final class OutputMessages {
    private OutputMessages() {
    }

    /** The output in this message, or null when it is not an output (a reply, a status). */
    static EngineOutput toOutput(int engineId, Message message) {
        JsonObject content = message.content();
        switch (message.msgType()) {
            case "stream": {
                EngineOutput.Kind kind = "stderr".equals(string(content, "name"))
                        ? EngineOutput.Kind.STDERR : EngineOutput.Kind.STDOUT;
                return new EngineOutput(engineId, kind, string(content, "text"), Map.of(), 0);
            }
            case "display_data", "update_display_data": {
                Map<String, Object> data = mimeBundle(content);
                EngineOutput.Kind kind = message.msgType().equals("display_data") ? EngineOutput.Kind.DISPLAY
                        : EngineOutput.Kind.UPDATE;
                String displayId = content.get("transient") instanceof JsonObject transientPart
                        ? string(transientPart, "display_id") : "";
                return new EngineOutput(engineId, kind, plain(data), data, 0, displayId);
            }
            case "execute_result": {
                Map<String, Object> data = mimeBundle(content);
                return new EngineOutput(engineId, EngineOutput.Kind.RESULT, plain(data), data,
                        integer(content, "execution_count"));
            }
            case "error":
                return new EngineOutput(engineId, EngineOutput.Kind.ERROR,
                        string(content, "ename") + ": " + string(content, "evalue"), Map.of(), 0);
            default:
                return null;
        }
    }

    /** A MIME bundle: text types as strings, JSON types ({@code application/json}) as their JSON text. */
    static Map<String, Object> mimeBundle(JsonObject content) {
        Map<String, Object> data = new LinkedHashMap<>();
        JsonElement bundle = content.get("data");
        if (bundle != null && bundle.isJsonObject()) {
            for (Map.Entry<String, JsonElement> e : bundle.getAsJsonObject().entrySet()) {
                JsonElement value = e.getValue();
                data.put(e.getKey(), value.isJsonPrimitive() ? value.getAsString() : value.toString());
            }
        }
        return data;
    }

    static String string(JsonObject content, String key) {
        JsonElement e = content.get(key);
        return e == null || e.isJsonNull() ? "" : e.isJsonPrimitive() ? e.getAsString() : e.toString();
    }

    static int integer(JsonObject content, String key) {
        JsonElement e = content.get(key);
        return e == null || !e.isJsonPrimitive() ? 0 : e.getAsInt();
    }

    private static String plain(Map<String, Object> data) {
        Object text = data.get("text/plain");
        return text == null ? "" : text.toString();
    }
}

package org.jparallel.engine;

import com.google.gson.JsonObject;
import java.util.List;

/** The content and buffers of a reply, before the engine adds its metadata. */
record Reply(JsonObject content, List<byte[]> buffers) {

    Reply {
        buffers = List.copyOf(buffers);
    }

    static Reply ok() {
        return ok(List.of());
    }

    static Reply ok(List<byte[]> buffers) {
        JsonObject content = new JsonObject();
        content.addProperty("status", "ok");
        return new Reply(content, buffers);
    }

    static Reply error(JsonObject errorContent) {
        return new Reply(errorContent, List.of());
    }

    /** An error with the exception itself encoded in the buffers, for a client that can decode it. */
    static Reply error(JsonObject errorContent, List<byte[]> thrown) {
        return new Reply(errorContent, thrown);
    }
}

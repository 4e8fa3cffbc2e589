package org.jparallel.kernel.protocol;

import com.google.gson.JsonObject;
import org.jparallel.wire.JsonFields;

/** The content of an {@code execute_request}, with the spec's defaults for missing fields. */
public record ExecuteRequest(String code, boolean silent, boolean storeHistory, JsonObject userExpressions,
                             boolean allowStdin, boolean stopOnError) {

    public static ExecuteRequest from(JsonObject content) {
        boolean silent = JsonFields.bool(content, "silent", false);
        return new ExecuteRequest(
                JsonFields.string(content, "code", ""),
                silent,
                JsonFields.bool(content, "store_history", !silent),
                JsonFields.object(content, "user_expressions"),
                JsonFields.bool(content, "allow_stdin", true),
                JsonFields.bool(content, "stop_on_error", true));
    }
}

package org.jparallel.kernel.protocol;

import com.google.gson.JsonObject;

/** The content of an {@code execute_request}, with the spec's defaults for missing fields. */
public record ExecuteRequest(String code, boolean silent, boolean storeHistory, JsonObject userExpressions,
                             boolean allowStdin, boolean stopOnError) {

    public static ExecuteRequest from(JsonObject content) {
        boolean silent = Json.bool(content, "silent", false);
        return new ExecuteRequest(
                Json.string(content, "code", ""),
                silent,
                Json.bool(content, "store_history", !silent),
                Json.object(content, "user_expressions"),
                Json.bool(content, "allow_stdin", true),
                Json.bool(content, "stop_on_error", true));
    }
}

package org.jparallel.wire;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * An engine's first message on its task link, the connection on which the controller sends it the requests to
 * run: it carries the token the engine's {@code registration_request} named in {@value #REGISTRATION_FIELD}, so
 * the controller pairs the link with the engine. An engine is registered once both have come, in either order.
 *
 * <pre>{@code
 * registration.addProperty(TaskLinkHello.REGISTRATION_FIELD, token);
 * Message hello = Message.create(TaskLinkHello.MSG_TYPE, session, new TaskLinkHello(token).content());
 * }</pre>
 *
 * @param token a random string, the same in the registration and the hello
 */
public record TaskLinkHello(String token) {
    public static final String MSG_TYPE = "task_link";
    /** The field of a {@code registration_request}'s content that names the token. */
    public static final String REGISTRATION_FIELD = "task_link";

    public JsonObject content() {
        JsonObject content = new JsonObject();
        content.addProperty("token", token);
        return content;
    }

    /** @throws IllegalArgumentException when the content is not a hello */
    public static TaskLinkHello of(JsonObject content) {
        JsonElement token = content.get("token");
        if (token == null || !token.isJsonPrimitive() || token.getAsString().isEmpty()) {
            throw new IllegalArgumentException("a task_link hello has a token, not " + content);
        }
        return new TaskLinkHello(token.getAsString());
    }
}

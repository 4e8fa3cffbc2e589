package org.jparallel.wire;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The controller's note to an engine, sent just before a task: the task waits on that engine for tasks sent
 * there before it, and runs only if they all succeeded there. Otherwise the engine answers the task with
 * {@link #NOT_RUN_HERE}, and the controller places it again; its client never sees that answer.
 *
 * <pre>{@code
 * Message note = Message.create(RunAfter.MSG_TYPE, session, new RunAfter(task, List.of(before)).content());
 * }</pre>
 *
 * @param msgId the task that waits
 * @param after the tasks it waits for, sent to the same engine before it
 */
public record RunAfter(String msgId, List<String> after) {
    public static final String MSG_TYPE = "run_after";
    /** The {@code ename} of the answer to a task that did not run because a task it waited for failed there. */
    public static final String NOT_RUN_HERE = "jparallel.NotRunHere";

    public RunAfter {
        after = List.copyOf(after);
    }

    public JsonObject content() {
        JsonObject content = new JsonObject();
        content.addProperty("msg_id", msgId);
        JsonArray ids = new JsonArray(after.size());
        after.forEach(ids::add);
        content.add("after", ids);
        return content;
    }

    /** @throws IllegalArgumentException when the content is not a note of this kind */
    public static RunAfter of(JsonObject content) {
        JsonElement id = content.get("msg_id");
        if (id == null || !id.isJsonPrimitive() || !(content.get("after") instanceof JsonArray ids)) {
            throw new IllegalArgumentException("a run_after note has msg_id and after: [msg_id, …], not " + content);
        }
        List<String> after = new ArrayList<>(ids.size());
        ids.forEach(e -> after.add(e.getAsString()));
        return new RunAfter(id.getAsString(), after);
    }
}

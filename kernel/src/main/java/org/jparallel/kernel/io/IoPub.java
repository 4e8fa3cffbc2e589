package org.jparallel.kernel.io;

import com.google.gson.JsonObject;
import java.util.List;
import org.jparallel.kernel.channel.Channel;
import org.jparallel.kernel.channel.Outbox;
import org.jparallel.wire.Header;
import org.jparallel.wire.Message;

/**
 * Publishes on iopub, each message with the request that caused it as parent, so frontends show it
 * under the right cell.
 */
public final class IoPub {
    private final Outbox outbox;
    private final String session;

    public IoPub(Outbox outbox, String session) {
        this.outbox = outbox;
        this.session = session;
    }

    /** Publishes a message caused by {@code parent}; with a null parent, an unparented one. */
    public void publish(Message parent, String msgType, JsonObject content) {
        Message message = parent == null
                ? new Message(List.of(), Header.create(msgType, session, "kernel"), null, null, content, List.of())
                : parent.child(msgType, session, content);
        outbox.send(Channel.IOPUB, message);
    }

    /** {@code status: busy} or {@code idle}. */
    public void status(Message parent, String state) {
        JsonObject content = new JsonObject();
        content.addProperty("execution_state", state);
        publish(parent, "status", content);
    }

    public void stream(Message parent, String name, String text) {
        JsonObject content = new JsonObject();
        content.addProperty("name", name);
        content.addProperty("text", text);
        publish(parent, "stream", content);
    }
}

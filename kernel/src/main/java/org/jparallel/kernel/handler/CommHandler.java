package org.jparallel.kernel.handler;

import com.google.gson.JsonObject;
import org.jparallel.kernel.channel.Channel;
import org.jparallel.kernel.channel.Responder;
import org.jparallel.kernel.io.IoPub;
import org.jparallel.wire.JsonFields;
import org.jparallel.wire.Message;

/**
 * Comms: this kernel registers no comm targets yet, so {@code comm_info_request} lists none and a
 * {@code comm_open} is closed at once, which tells the frontend the target does not exist.
 */
public final class CommHandler {
    private final IoPub iopub;
    private final Responder responder;

    public CommHandler(IoPub iopub, Responder responder) {
        this.iopub = iopub;
        this.responder = responder;
    }

    public void info(Channel channel, Message request) {
        JsonObject reply = JsonFields.ok();
        reply.add("comms", new JsonObject());
        responder.reply(channel, request, reply);
    }

    public void open(Channel channel, Message request) {
        JsonObject close = new JsonObject();
        close.addProperty("comm_id", JsonFields.string(request.content(), "comm_id", ""));
        close.add("data", new JsonObject());
        iopub.publish(request, "comm_close", close);
    }

    /** Messages to comms we closed: nothing to do. */
    public void ignore(Channel channel, Message request) {
    }
}

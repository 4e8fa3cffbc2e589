package org.jparallel.kernel.handler;

import com.google.gson.JsonObject;
import org.jparallel.kernel.channel.Channel;
import org.jparallel.kernel.channel.Responder;
import org.jparallel.kernel.io.IoPub;
import org.jparallel.wire.JsonFields;
import org.jparallel.wire.Message;

/**
 * {@code shutdown_request}: replies, then ends the kernel process. With {@code restart: true} the
 * frontend starts a new process itself, so both cases end this one.
 */
public final class ShutdownHandler implements RequestHandler {
    private final Responder responder;
    private final IoPub iopub;
    private final Runnable shutdown;

    public ShutdownHandler(Responder responder, IoPub iopub, Runnable shutdown) {
        this.responder = responder;
        this.iopub = iopub;
        this.shutdown = shutdown;
    }

    @Override
    public void handle(Channel channel, Message request) {
        JsonObject reply = JsonFields.ok();
        reply.addProperty("restart", JsonFields.bool(request.content(), "restart", false));
        responder.reply(channel, request, reply);
        iopub.publish(request, "shutdown_reply", reply);
        shutdown.run();
    }
}

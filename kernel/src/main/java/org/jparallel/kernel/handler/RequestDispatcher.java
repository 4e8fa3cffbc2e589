package org.jparallel.kernel.handler;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jparallel.kernel.channel.Channel;
import org.jparallel.kernel.channel.Responder;
import org.jparallel.kernel.io.IoPub;
import org.jparallel.kernel.protocol.MsgType;
import org.jparallel.wire.Message;

/**
 * Routes each request to its handler through a table, with {@code status: busy} before and
 * {@code idle} after, as frontends expect around every request.
 *
 * <p>An unknown request type is answered with an error reply naming it, so a client never waits for
 * an answer that will not come.
 */
public final class RequestDispatcher {
    private static final Logger LOG = Logger.getLogger(RequestDispatcher.class.getName());
    /** Messages that get no reply and no busy/idle, per the spec. */
    private static final Set<MsgType> QUIET = Set.of(MsgType.COMM_MSG, MsgType.COMM_CLOSE, MsgType.INPUT_REPLY);

    private final Map<MsgType, RequestHandler> handlers = new EnumMap<>(MsgType.class);
    private final IoPub iopub;
    private final Responder responder;

    public RequestDispatcher(IoPub iopub, Responder responder) {
        this.iopub = iopub;
        this.responder = responder;
    }

    public RequestDispatcher on(MsgType type, RequestHandler handler) {
        handlers.put(type, handler);
        return this;
    }

    public void dispatch(Channel channel, Message request) {
        Optional<MsgType> type = MsgType.of(request.msgType());
        boolean quiet = type.map(QUIET::contains).orElse(false);
        if (!quiet) {
            iopub.status(request, "busy");
        }
        try {
            RequestHandler handler = type.map(handlers::get).orElse(null);
            if (handler == null) {
                LOG.warning("no handler for " + request.msgType() + " on " + channel);
                if (request.msgType().endsWith("_request")) {
                    responder.reply(channel, request, error("UnknownMessageType",
                            "this kernel does not answer " + request.msgType()));
                }
            } else {
                handler.handle(channel, request);
            }
        } catch (Exception | Error e) {
            LOG.log(Level.SEVERE, "handler of " + request.msgType() + " failed", e);
            responder.reply(channel, request, error(e.getClass().getName(), String.valueOf(e.getMessage())));
        } finally {
            if (!quiet) {
                iopub.status(request, "idle");
            }
        }
    }

    /** A reply content with {@code status: error}. */
    public static JsonObject error(String ename, String evalue) {
        JsonObject content = new JsonObject();
        content.addProperty("status", "error");
        content.addProperty("ename", ename);
        content.addProperty("evalue", evalue);
        JsonArray traceback = new JsonArray();
        traceback.add(ename + ": " + evalue);
        content.add("traceback", traceback);
        return content;
    }
}

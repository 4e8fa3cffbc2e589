package org.jparallel.controller.hub;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import org.jparallel.wire.Header;
import org.jparallel.wire.MalformedMessageException;
import org.jparallel.wire.Message;
import org.jparallel.wire.MessageCodec;

/**
 * The messages the controller writes to clients itself: answers to its own requests, errors of
 * requests it cannot route, the replies of tasks whose engine died or that were aborted while
 * queued, and notices of engines that come and go.
 */
final class ClientReplies {
    private static final Logger LOG = Logger.getLogger(ClientReplies.class.getName());
    private final MessageCodec codec;
    private final Links links;
    private final String session;

    ClientReplies(MessageCodec codec, Links links, String session) {
        this.codec = codec;
        this.links = links;
        this.session = session;
    }

    void reply(byte[] client, JsonObject requestHeader, String replyType, JsonObject content, JsonObject metadata) {
        reply(client, requestHeader, replyType, content, metadata, List.of());
    }

    void reply(byte[] client, JsonObject requestHeader, String replyType, JsonObject content, JsonObject metadata,
               List<byte[]> buffers) {
        Message reply = new Message(List.of(client), Header.create(replyType, session, "controller"), requestHeader,
                metadata, content, buffers);
        links.toClient(codec.encode(reply));
    }

    /** Tells a client, as its engine's stderr, that output of that request was dropped while it fell behind. */
    void outputDropped(byte[] client, RoutingHeader output, int engineId, long bytes) {
        try {
            stderr(client, RoutingHeader.object(output.parentHeaderFrame()), engineId, String.format(Locale.ROOT,
                    "[jparallel: %.1f MB of output dropped: it came faster than this client read it]%n", bytes / 1e6));
        } catch (MalformedMessageException e) {
            LOG.warning("cannot tell a client its output was dropped: " + e.getMessage());
        }
    }

    /** Says {@code text} to the client of a request, as the stderr of its engine while it runs that request. */
    void note(byte[] client, RoutingHeader request, int engineId, String text) {
        try {
            stderr(client, RoutingHeader.object(request.headerFrame()), engineId, text);
        } catch (MalformedMessageException e) {
            LOG.warning("cannot write a note to a client: " + e.getMessage());
        }
    }

    private void stderr(byte[] client, JsonObject parent, int engineId, String text) {
        JsonObject content = new JsonObject();
        content.addProperty("name", "stderr");
        content.addProperty("text", text);
        JsonObject metadata = new JsonObject();
        metadata.addProperty("engine_id", engineId);
        links.toClient(codec.encode(new Message(List.of(client), Header.create("stream", session, "controller"),
                parent, metadata, content, List.of())));
    }

    void ok(byte[] client, RoutingHeader route) throws MalformedMessageException {
        JsonObject content = new JsonObject();
        content.addProperty("status", "ok");
        reply(client, RoutingHeader.object(route.headerFrame()), replyType(route.msgType()), content, new JsonObject());
    }

    void error(byte[] client, RoutingHeader route, String ename, String evalue, int engineId) {
        JsonObject metadata = new JsonObject();
        metadata.addProperty("status", "error");
        metadata.addProperty("engine_id", engineId);
        try {
            reply(client, RoutingHeader.object(route.headerFrame()), replyType(route.msgType()),
                    errorContent(ename, evalue), metadata);
        } catch (MalformedMessageException e) {
            LOG.warning("cannot answer " + route.msgId() + ": " + e.getMessage());
        }
    }

    /** The reply of a finished task that no engine will answer: its engine died, or it was aborted. */
    void taskEnded(Task task, JsonObject content) {
        if (task.remade) {
            return; // it ran again to remake a lost value: its client had its answer the first time
        }
        JsonObject metadata = new JsonObject();
        metadata.addProperty("engine_id", task.engineId);
        metadata.addProperty("status", task.status);
        if (task.started != null) {
            metadata.addProperty("started", task.started);
        }
        metadata.addProperty("completed", task.completed);
        try {
            reply(task.client, RoutingHeader.object(task.requestHeader), replyType(task.msgType), content, metadata);
        } catch (MalformedMessageException e) {
            LOG.warning("cannot answer task " + task.msgId + ": " + e.getMessage());
        }
    }

    /** Answers the task with an {@code EngineError}; returns the reply's content, for the task's record. */
    JsonObject engineError(Task task, String reason) {
        JsonObject content = errorContent("EngineError", reason);
        taskEnded(task, content);
        return content;
    }

    JsonObject aborted(Task task) {
        JsonObject content = new JsonObject();
        content.addProperty("status", "aborted");
        taskEnded(task, content);
        return content;
    }

    /** {@code engine_registered} or {@code engine_unregistered} {id} to every client seen so far. */
    void notice(Collection<byte[]> clients, String msgType, int engineId) {
        JsonObject content = new JsonObject();
        content.addProperty("id", engineId);
        for (byte[] client : clients) {
            links.toClient(codec.encode(new Message(List.of(client), Header.create(msgType, session, "controller"),
                    null, null, content, List.of())));
        }
    }

    static String replyType(String requestType) {
        return requestType.endsWith("_request")
                ? requestType.substring(0, requestType.length() - "_request".length()) + "_reply"
                : requestType + "_reply";
    }

    static JsonObject errorContent(String ename, String evalue) {
        JsonObject content = new JsonObject();
        content.addProperty("status", "error");
        content.addProperty("ename", ename);
        content.addProperty("evalue", evalue);
        content.add("traceback", new JsonArray());
        return content;
    }
}

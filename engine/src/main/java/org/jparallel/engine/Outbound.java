package org.jparallel.engine;

import com.google.gson.JsonObject;
import java.util.List;
import org.jparallel.wire.FrameSender;
import org.jparallel.wire.Header;
import org.jparallel.wire.Message;
import org.jparallel.wire.MessageCodec;

/**
 * Everything an engine sends: signed, through its link to the controller. Messages caused by a
 * client's request carry that request's routing identities, so the controller passes them on to
 * the client that sent it, and {@code metadata.engine_id}.
 */
final class Outbound {
    private final MessageCodec codec;
    private final FrameSender link;
    private final String session;
    private volatile int engineId = -1;

    Outbound(MessageCodec codec, FrameSender link, String session) {
        this.codec = codec;
        this.link = link;
        this.session = session;
    }

    void registeredAs(int id) {
        engineId = id;
    }

    int engineId() {
        return engineId;
    }

    String session() {
        return session;
    }

    /** A message to the controller itself (registration, heartbeat). */
    void toController(String msgType, JsonObject content) {
        send(Message.create(msgType, session, content));
    }

    /** An output of the running request: {@code stream}, {@code display_data}, {@code execute_result}, {@code error}. */
    void output(Message request, String msgType, JsonObject content) {
        if (request == null) {
            return; // written before any request ran: nobody to show it to
        }
        JsonObject metadata = new JsonObject();
        metadata.addProperty("engine_id", engineId);
        send(new Message(request.identities(), Header.create(msgType, session, request.header().username()),
                request.header().toJson(), metadata, content, List.of()));
    }

    void stream(Message request, String name, String text) {
        JsonObject content = new JsonObject();
        content.addProperty("name", name);
        content.addProperty("text", text);
        output(request, "stream", content);
    }

    /**
     * The reply to {@code request}, with {@code metadata} {engine_id, started, completed, status}.
     *
     * @param started when the engine began the request, as {@link Header#now()} writes it
     */
    void reply(Message request, JsonObject content, List<byte[]> buffers, String started) {
        JsonObject metadata = new JsonObject();
        metadata.addProperty("engine_id", engineId);
        metadata.addProperty("started", started);
        metadata.addProperty("completed", Header.now());
        metadata.addProperty("status", status(content));
        send(request.reply(replyType(request.msgType()), session, content).withMetadata(metadata)
                .withBuffers(buffers));
    }

    /** A reply's {@code status}: {@code ok} when its content says none. */
    static String status(JsonObject content) {
        return content.has("status") ? content.get("status").getAsString() : "ok";
    }

    static String replyType(String requestType) {
        return requestType.endsWith("_request")
                ? requestType.substring(0, requestType.length() - "_request".length()) + "_reply"
                : requestType + "_reply";
    }

    void send(Message message) {
        link.send(codec.encode(message));
    }
}

package org.jparallel.kernel.channel;

import com.google.gson.JsonObject;
import org.jparallel.kernel.protocol.MsgType;
import org.jparallel.wire.Message;

/** Sends a request's reply ({@code foo_request} → {@code foo_reply}) back on the channel it came from. */
public final class Responder {
    private final Outbox outbox;
    private final String session;

    public Responder(Outbox outbox, String session) {
        this.outbox = outbox;
        this.session = session;
    }

    public String session() {
        return session;
    }

    public void reply(Channel channel, Message request, JsonObject content) {
        outbox.send(channel, request.reply(MsgType.replyName(request.msgType()), session, content));
    }
}

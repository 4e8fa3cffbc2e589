package org.jparallel.kernel.handler;

import org.jparallel.kernel.channel.Channel;
import org.jparallel.kernel.channel.Responder;
import org.jparallel.wire.JsonFields;
import org.jparallel.wire.Message;

/**
 * {@code interrupt_request} (on control, as {@code interrupt_mode: message} asks): stops the running
 * cell, including one waiting for input, and keeps the session.
 */
public final class InterruptHandler implements RequestHandler {
    private final Runnable interrupt;
    private final Responder responder;

    public InterruptHandler(Runnable interrupt, Responder responder) {
        this.interrupt = interrupt;
        this.responder = responder;
    }

    @Override
    public void handle(Channel channel, Message request) {
        interrupt.run();
        responder.reply(channel, request, JsonFields.ok());
    }
}

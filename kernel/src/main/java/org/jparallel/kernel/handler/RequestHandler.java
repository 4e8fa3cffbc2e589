package org.jparallel.kernel.handler;

import org.jparallel.kernel.channel.Channel;
import org.jparallel.wire.Message;

/** Answers one type of request. */
@FunctionalInterface
public interface RequestHandler {
    void handle(Channel channel, Message request) throws Exception;
}

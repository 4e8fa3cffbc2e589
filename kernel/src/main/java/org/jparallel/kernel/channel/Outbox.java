package org.jparallel.kernel.channel;

import org.jparallel.wire.Message;

/** Where handlers send messages: signed and queued on the channel's socket thread. Safe from any thread. */
@FunctionalInterface
public interface Outbox {
    void send(Channel channel, Message message);
}

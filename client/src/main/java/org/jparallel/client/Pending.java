package org.jparallel.client;

import org.jparallel.wire.Message;

/** Something waiting for the answers to one request: a task of an {@link AsyncResult}, or a control request. */
interface Pending {
    /** An output or the reply of the request; called on the client's socket thread. */
    void receive(Message message);

    /** The request will never be answered (the client closed, or the controller exited). */
    void fail(RuntimeException reason);
}

package org.jparallel.engine;

import org.jparallel.wire.Message;

/**
 * The request whose code runs now: output and displays are sent as its children. Threads that
 * user code started keep writing under the latest request, as in IPython.
 */
final class CurrentRequest {
    private volatile Message request;

    Message get() {
        return request;
    }

    void set(Message running) {
        request = running;
    }
}

package org.jparallel.kernel.io;

import org.jparallel.wire.Message;

/**
 * The execute request whose cell is running now: output, display and input requests are sent as its
 * children. Threads a cell started keep printing under the latest request, as in IPython.
 */
public final class RequestScope {
    /** The running request and whether its frontend accepts {@code input_request}s. */
    public record Current(Message request, boolean allowStdin) {
    }

    private volatile Current current = new Current(null, false);

    public Current current() {
        return current;
    }

    public Message request() {
        return current.request();
    }

    public void enter(Message request, boolean allowStdin) {
        current = new Current(request, allowStdin);
    }

    /** Input is refused between cells; output still goes to the last request. */
    public void leave() {
        current = new Current(current.request(), false);
    }
}

package org.jparallel.wire;

import java.util.List;

/** Takes each multipart message a socket receives, on the socket's own thread. */
@FunctionalInterface
public interface FrameReceiver {
    void received(List<byte[]> frames);
}

package org.jparallel.wire;

import java.util.List;

/** Sends multipart messages; safe from any thread. */
@FunctionalInterface
public interface FrameSender {
    void send(List<byte[]> frames);
}

package org.jparallel.wire.link;

import java.nio.ByteBuffer;
import java.util.List;

/** Lays out one multipart message for a gathering write; {@link FrameReader} reads it back. */
final class FrameWriter {
    private FrameWriter() {
    }

    /** The count, the lengths, then the frames themselves (wrapped, not copied). */
    static ByteBuffer[] buffers(List<byte[]> frames) {
        ByteBuffer[] buffers = new ByteBuffer[frames.size() + 1];
        ByteBuffer head = ByteBuffer.allocate(4 * (frames.size() + 1));
        head.putInt(frames.size());
        for (int i = 0; i < frames.size(); i++) {
            byte[] frame = frames.get(i);
            head.putInt(frame.length);
            buffers[i + 1] = ByteBuffer.wrap(frame);
        }
        buffers[0] = head.flip();
        return buffers;
    }
}

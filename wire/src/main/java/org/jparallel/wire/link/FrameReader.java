package org.jparallel.wire.link;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.ArrayList;
import java.util.List;
import org.jparallel.wire.FrameReceiver;

/**
 * Reassembles the multipart messages of one connection from what its channel reads, in the layout that
 * {@link FrameWriter} writes: the frame count, each frame's length, then the frames (big-endian ints).
 *
 * <p>Small messages are cut out of one staging buffer; the rest of a frame bigger than that buffer is
 * read straight into the frame's array, so a megabyte costs no extra copy.
 */
final class FrameReader {
    /** More frames than a jparallel message ever has: the peer speaks something else. */
    static final int MAX_FRAMES = 1 << 16;
    private static final int STAGING = 64 * 1024;

    private final byte[] prefix;
    private final ByteBuffer staging = ByteBuffer.allocate(STAGING);
    private int[] lengths;
    private int lengthsRead;
    private List<byte[]> frames;
    /** The frame being filled, and how much of it is: an array, no buffer around it but while a read goes into it. */
    private byte[] frame;
    private int filled;

    /** @param prefix a frame put before every message read (the sender's identity), or null */
    FrameReader(byte[] prefix) {
        this.prefix = prefix;
    }

    /**
     * Reads what the channel has and hands each completed message to {@code receiver}.
     *
     * @return false at the end of the stream
     * @throws MalformedFramesException when the bytes are not this layout
     */
    boolean read(ReadableByteChannel channel, FrameReceiver receiver) throws IOException {
        if (frame != null && frame.length - filled >= STAGING) {
            int read = channel.read(ByteBuffer.wrap(frame, filled, frame.length - filled));
            if (read < 0) {
                return false;
            }
            filled += read;
            if (filled < frame.length) {
                return true;
            }
            frames.add(frame);
            frame = null;
        } else if (channel.read(staging) < 0) {
            return false;
        }
        staging.flip();
        try {
            parse(receiver);
        } finally {
            staging.compact();
        }
        return true;
    }

    private void parse(FrameReceiver receiver) throws MalformedFramesException {
        while (true) {
            if (lengths == null) {
                if (staging.remaining() < 4) {
                    return;
                }
                int count = staging.getInt();
                if (count < 1 || count > MAX_FRAMES) {
                    throw new MalformedFramesException("a message of " + count + " frames");
                }
                lengths = new int[count];
                lengthsRead = 0;
            }
            while (lengthsRead < lengths.length) {
                if (staging.remaining() < 4) {
                    return;
                }
                int length = staging.getInt();
                if (length < 0) {
                    throw new MalformedFramesException("a frame of " + length + " bytes");
                }
                lengths[lengthsRead++] = length;
            }
            if (frames == null) {
                frames = new ArrayList<>(lengths.length + 1);
                if (prefix != null) {
                    frames.add(prefix);
                }
            }
            if (!fillFrames(receiver)) {
                return;
            }
        }
    }

    /** Fills frames from the staging buffer; false when it ran dry before the message was complete. */
    private boolean fillFrames(FrameReceiver receiver) {
        while (true) {
            if (frame == null) {
                int index = frames.size() - (prefix == null ? 0 : 1);
                if (index == lengths.length) {
                    List<byte[]> message = frames;
                    lengths = null;
                    frames = null;
                    receiver.received(message);
                    return true;
                }
                frame = new byte[lengths[index]];
                filled = 0;
            }
            int take = Math.min(frame.length - filled, staging.remaining());
            staging.get(frame, filled, take);
            filled += take;
            if (filled < frame.length) {
                return false;
            }
            frames.add(frame);
            frame = null;
        }
    }
}

package org.jparallel.wire.link;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jparallel.wire.FrameReceiver;

/**
 * Reassembles the multipart messages of one connection from what its channel reads, in the layout that
 * {@link FrameWriter} writes: the frame count, each frame's length, then the frames (big-endian ints).
 *
 * <p>Small messages are cut out of one staging buffer; the rest of a frame bigger than that buffer is
 * read straight into the frame's array. That array grows with the bytes that come, doubling, up to the length the
 * frame declares: a peer that declares 2 GB and sends nothing costs nothing (allocating what it declared up front
 * let eight bytes, unsigned, run a controller out of memory).
 */
final class FrameReader {
    /** More frames than a jparallel message ever has: the peer speaks something else. */
    static final int MAX_FRAMES = 1 << 16;
    private static final int STAGING = 64 * 1024;

    private final byte[] prefix;
    /** Allocated at the first bytes: a connection that never sends costs no staging buffer (thousands may be open). */
    private ByteBuffer staging;
    private int[] lengths;
    private int lengthsRead;
    private List<byte[]> frames;
    /** The frame being filled, and how much of it is: an array, no buffer around it but while a read goes into it. */
    private byte[] frame;
    private int filled;
    /** The length the frame being filled declared: its array's length once complete. */
    private int declared;
    /** The most bytes a message may declare (see {@link #limit}). */
    private volatile long maxMessageBytes = Long.MAX_VALUE;

    /** @param prefix a frame put before every message read (the sender's identity), or null */
    FrameReader(byte[] prefix) {
        this.prefix = prefix;
    }

    /**
     * Refuses messages that declare more than {@code bytes} in all, before reading them: what a peer may send until
     * the receiver vouches for it, since until then it may be anyone who can connect.
     */
    void limit(long bytes) {
        maxMessageBytes = bytes;
    }

    /**
     * Reads what the channel has and hands each completed message to {@code receiver}.
     *
     * @return false at the end of the stream
     * @throws MalformedFramesException when the bytes are not this layout
     */
    boolean read(ReadableByteChannel channel, FrameReceiver receiver) throws IOException {
        if (staging == null) {
            staging = ByteBuffer.allocate(STAGING);
        }
        if (frame != null && declared - filled >= STAGING) {
            room(filled + 1);
            int read = channel.read(ByteBuffer.wrap(frame, filled, frame.length - filled));
            if (read < 0) {
                return false;
            }
            filled += read;
            if (filled < declared) {
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
            if (frames == null && maxMessageBytes != Long.MAX_VALUE) {
                long total = 0;
                for (int length : lengths) {
                    total += length;
                }
                if (total > maxMessageBytes) {
                    throw new MalformedFramesException("a message of " + total + " bytes from a peer that has not"
                            + " yet sent a signed one (at most " + maxMessageBytes + " bytes until then)");
                }
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

    /** Grows the frame's array, doubling up to its declared length, to hold at least {@code needed} bytes. */
    private void room(int needed) {
        if (frame.length < needed) {
            frame = Arrays.copyOf(frame, (int) Math.min(declared, Math.max((long) frame.length * 2, needed)));
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
                declared = lengths[index];
                frame = new byte[Math.min(declared, STAGING)];
                filled = 0;
            }
            int take = Math.min(declared - filled, staging.remaining());
            room(filled + take);
            staging.get(frame, filled, take);
            filled += take;
            if (filled < declared) {
                return false;
            }
            frames.add(frame);
            frame = null;
        }
    }
}

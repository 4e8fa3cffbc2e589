package org.jparallel.wire.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FrameLayoutTest {
    private static final Random RANDOM = new Random(3);

    private static byte[] bytes(int length) {
        byte[] frame = new byte[length];
        RANDOM.nextBytes(frame);
        return frame;
    }

    private static final List<List<byte[]>> MESSAGES = List.of(
            List.of(bytes(8), bytes(0), bytes(64), bytes(300)),
            List.of(bytes(5), bytes(100_000), bytes(7)),
            List.of(bytes(16 * 1024 + 1)),
            List.of(bytes(16 * 1024), bytes(3)),
            List.of(bytes(1), bytes(200_000), bytes(2), bytes(70_000), bytes(0)),
            List.of(bytes(0)),
            List.of(bytes(3 * 64 * 1024 + 5), bytes(1_000_000)));

    @Test
    void theLayoutIsTheCountTheLengthsThenTheFrames() {
        for (List<byte[]> message : MESSAGES) {
            ByteBuffer expected = ByteBuffer.allocate(4 * (message.size() + 1)
                    + message.stream().mapToInt(f -> f.length).sum());
            expected.putInt(message.size());
            message.forEach(frame -> expected.putInt(frame.length));
            message.forEach(expected::put);
            assertArrayEquals(expected.array(), concatenated(FrameWriter.buffers(message)));
        }
    }

    @Test
    void messagesCutAnywhereAreReassembledWhole() throws Exception {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (List<byte[]> message : MESSAGES) {
            stream.write(concatenated(FrameWriter.buffers(message)));
        }
        for (int maxChunk : new int[] {1, 7, 4096, 70_000, 1 << 20}) {
            List<List<byte[]>> received = new ArrayList<>();
            FrameReader reader = new FrameReader(null);
            ReadableByteChannel channel = new ChunkedChannel(stream.toByteArray(), maxChunk);
            while (reader.read(channel, received::add)) {
                // until the end of the stream
            }
            assertEquals(MESSAGES.size(), received.size(), "chunks of up to " + maxChunk);
            for (int i = 0; i < MESSAGES.size(); i++) {
                assertEquals(MESSAGES.get(i).size(), received.get(i).size());
                for (int f = 0; f < MESSAGES.get(i).size(); f++) {
                    assertArrayEquals(MESSAGES.get(i).get(f), received.get(i).get(f), "message " + i + " frame " + f);
                }
            }
        }
    }

    @Test
    void aFrameThatDeclaresGigabytesCostsOnlyTheBytesThatCame() throws Exception {
        ByteBuffer header = ByteBuffer.allocate(8 + 10).putInt(1).putInt(Integer.MAX_VALUE).put(bytes(10));
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        FrameReader reader = new FrameReader(null);
        List<List<byte[]>> received = new ArrayList<>();
        ReadableByteChannel channel = new ChunkedChannel(header.array(), 1 << 20);
        while (reader.read(channel, received::add)) {
            // until the end of the stream
        }
        assertEquals(List.of(), received);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 1 << 20, allocated + " bytes allocated for 18 bytes sent");
    }

    private static byte[] concatenated(ByteBuffer[] buffers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ByteBuffer buffer : buffers) {
            ByteBuffer copy = buffer.duplicate();
            byte[] bytes = new byte[copy.remaining()];
            copy.get(bytes);
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    /** A channel that hands out a stream in random pieces of up to {@code maxChunk} bytes, as a socket may. */
    private static final class ChunkedChannel implements ReadableByteChannel {
        private final byte[] data;
        private final int maxChunk;
        private int at;

        ChunkedChannel(byte[] data, int maxChunk) {
            this.data = data;
            this.maxChunk = maxChunk;
        }

        @Override
        public int read(ByteBuffer into) {
            if (at == data.length) {
                return -1;
            }
            int n = Math.min(Math.min(into.remaining(), data.length - at), 1 + RANDOM.nextInt(maxChunk));
            into.put(data, at, n);
            at += n;
            return n;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}

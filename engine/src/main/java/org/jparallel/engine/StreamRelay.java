package org.jparallel.engine;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * An output stream whose bytes become {@code stream} messages ({@code stdout} or {@code stderr}) of
 * the running request.
 *
 * <p>A timer {@link #drain() drains} it every ~20 ms rather than on each {@code flush()}: a loop
 * that prints a line a second shows a line a second, and one that prints a million lines sends
 * a few hundred messages instead of a million.
 */
final class StreamRelay extends OutputStream {
    private final String name;
    private final Outbound outbound;
    private final CurrentRequest current;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final Object drainLock = new Object();

    StreamRelay(String name, Outbound outbound, CurrentRequest current) {
        this.name = name;
        this.outbound = outbound;
        this.current = current;
    }

    @Override
    public synchronized void write(int b) {
        pending.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        pending.write(b, off, len);
    }

    /** Sends what was written so far, keeping an unfinished UTF-8 character for the next time. */
    void drain() {
        // Held while sending too, so that the timer and the end of a request cannot swap two chunks.
        synchronized (drainLock) {
            String text;
            synchronized (this) {
                if (pending.size() == 0) {
                    return;
                }
                byte[] bytes = pending.toByteArray();
                int complete = completeUtf8Prefix(bytes);
                text = new String(bytes, 0, complete, StandardCharsets.UTF_8);
                pending.reset();
                pending.write(bytes, complete, bytes.length - complete);
            }
            if (!text.isEmpty()) {
                outbound.stream(current.get(), name, text);
            }
        }
    }

    /** The length of the longest prefix that does not end inside a multi-byte character. */
    static int completeUtf8Prefix(byte[] bytes) {
        int n = bytes.length;
        for (int back = 1; back <= Math.min(3, n); back++) {
            int b = bytes[n - back] & 0xff;
            if ((b & 0xc0) == 0x80) {
                continue;
            }
            int needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
            return needed > back ? n - back : n;
        }
        return n;
    }
}

package org.jparallel.kernel.io;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * An output stream whose bytes become iopub {@code stream} messages ({@code stdout} or {@code stderr}).
 *
 * <p>Text is sent by a timer every few milliseconds rather than on each {@code flush()}: a loop that
 * prints a line a second shows a line a second, and one that prints a million lines sends a few hundred
 * messages instead of a million. The kernel {@link #drain() drains} it before a cell's result.
 */
public final class StreamPublisher extends OutputStream {
    private final String name;
    private final IoPub iopub;
    private final RequestScope scope;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final Object drainLock = new Object();

    public StreamPublisher(String name, IoPub iopub, RequestScope scope) {
        this.name = name;
        this.iopub = iopub;
        this.scope = scope;
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
    public void drain() {
        // Held while publishing too, so that the timer and the end of a cell cannot swap two chunks.
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
                iopub.stream(scope.request(), name, text);
            }
        }
    }

    /** The length of the longest prefix that does not end inside a multi-byte character. */
    static int completeUtf8Prefix(byte[] bytes) {
        int n = bytes.length;
        for (int back = 1; back <= Math.min(3, n); back++) {
            int b = bytes[n - back] & 0xff;
            if ((b & 0xc0) == 0x80) {
                continue; // continuation byte: look further back for the lead byte
            }
            int needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
            return needed > back ? n - back : n;
        }
        return n;
    }
}

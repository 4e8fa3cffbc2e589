package org.jparallel.repl;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * What cells print, collected until a timer or the end of a request drains it as text: the kernel
 * and the engines put one behind {@code System.out} and one behind {@code System.err}.
 *
 * <p>Draining every few milliseconds rather than on each {@code flush()} means a loop that prints a
 * line a second shows a line a second, and one that prints a million lines sends a few hundred
 * messages instead of a million. A UTF-8 character split between two writes is sent whole. A writer that has
 * filled {@value #WRITER_DRAINS_AT} bytes drains them itself, so that a sink that takes its time (a link to a slow
 * reader) holds back the code that prints, and the buffer stays that small.
 *
 * <pre>{@code
 * DrainableOutputStream stdout = new DrainableOutputStream(text -> publish("stdout", text));
 * System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
 * timer.scheduleWithFixedDelay(stdout::drain, 20, 20, TimeUnit.MILLISECONDS);
 * }</pre>
 */
public final class DrainableOutputStream extends OutputStream {
    static final int WRITER_DRAINS_AT = 1 << 20;
    private final Consumer<String> sink;
    private ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final Object drainLock = new Object();
    private volatile DrainableOutputStream sibling;

    /** @param sink receives each drained chunk of text, never empty */
    public DrainableOutputStream(Consumer<String> sink) {
        this.sink = sink;
    }

    /**
     * Makes the two streams (stdout and stderr) keep the order of their writes between them: a write to one first
     * sends what the other holds, as a terminal shows them, instead of each in its own chunks.
     */
    public static void interleave(DrainableOutputStream one, DrainableOutputStream other) {
        one.sibling = other;
        other.sibling = one;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1); // seldom: PrintStream writes arrays
    }

    @Override
    public void write(byte[] b, int off, int len) {
        drainSibling();
        boolean full;
        synchronized (this) {
            pending.write(b, off, len);
            full = pending.size() >= WRITER_DRAINS_AT;
        }
        if (full) {
            drain();
        }
    }

    // Outside this stream's lock: the sibling does the same the other way round.
    private void drainSibling() {
        DrainableOutputStream other = sibling;
        if (other != null && other.hasPending()) {
            other.drain();
        }
    }

    private synchronized boolean hasPending() {
        return pending.size() > 0;
    }

    /** Hands what was written so far to the sink, keeping an unfinished UTF-8 character for next time. */
    public void drain() {
        // Held while the sink runs too, so that the timer and the end of a cell cannot swap two chunks.
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
                sink.accept(text);
            }
        }
    }

    /**
     * Drops what was written and not drained, and the buffer that held it: for when draining it failed, such as an
     * {@code OutOfMemoryError} for more text than the heap can copy. Returns how many bytes were dropped.
     */
    public synchronized int discard() {
        int dropped = pending.size();
        pending = new ByteArrayOutputStream();
        return dropped;
    }

    /** The length of the longest prefix that does not end inside a multi-byte character. */
    static int completeUtf8Prefix(byte[] bytes) {
        int n = bytes.length;
        for (int back = 1; back <= Math.min(3, n); back++) {
            int b = bytes[n - back] & 0xff;
            if ((b & 0xc0) == 0x80) {
                continue; // a continuation byte: look further back for the lead byte
            }
            int needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
            return needed > back ? n - back : n;
        }
        return n;
    }
}

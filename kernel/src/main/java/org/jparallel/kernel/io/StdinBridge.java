package org.jparallel.kernel.io;

import com.google.gson.JsonObject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.jparallel.kernel.channel.Channel;
import org.jparallel.kernel.channel.Outbox;
import org.jparallel.wire.Message;

/**
 * {@code System.in} for cells: reading asks the frontend for a line with an {@code input_request}
 * and blocks until its {@code input_reply}, or fails at once when the frontend takes no input.
 */
public final class StdinBridge extends InputStream {
    private final Outbox outbox;
    private final String session;
    private final RequestScope scope;
    private final Runnable flushOutput;
    private byte[] line = new byte[0];
    private int position;
    private volatile CompletableFuture<String> waiting;

    public StdinBridge(Outbox outbox, String session, RequestScope scope, Runnable flushOutput) {
        this.outbox = outbox;
        this.session = session;
        this.scope = scope;
        this.flushOutput = flushOutput;
    }

    @Override
    public synchronized int read() {
        if (!fill()) {
            return -1;
        }
        return line[position++] & 0xff;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, line.length - position);
        System.arraycopy(line, position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public synchronized int available() {
        return line.length - position;
    }

    private boolean fill() {
        if (position < line.length) {
            return true;
        }
        line = (requestLine() + "\n").getBytes(StandardCharsets.UTF_8);
        position = 0;
        return true;
    }

    private String requestLine() {
        RequestScope.Current current = scope.current();
        if (current.request() == null || !current.allowStdin()) {
            throw new StdinNotAvailableException();
        }
        flushOutput.run(); // a prompt printed with System.out.print shows before the input box
        CompletableFuture<String> answer = new CompletableFuture<>();
        waiting = answer;
        JsonObject content = new JsonObject();
        content.addProperty("prompt", "");
        content.addProperty("password", false);
        outbox.send(Channel.STDIN, current.request().reply("input_request", session, content));
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for input", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("interrupted while waiting for input", e.getCause());
        } finally {
            waiting = null;
        }
    }

    /** Hands the frontend's {@code input_reply} to the reader. */
    public void answer(Message inputReply) {
        CompletableFuture<String> pending = waiting;
        if (pending != null) {
            var value = inputReply.content().get("value");
            pending.complete(value == null || value.isJsonNull() ? "" : value.getAsString());
        }
    }

    /** Ends a wait for input, as an interrupt does. */
    public void cancel() {
        CompletableFuture<String> pending = waiting;
        if (pending != null) {
            pending.completeExceptionally(new InterruptedException("the kernel was interrupted"));
        }
    }

    /** Thrown by a read when the frontend cannot answer: the user sees why. */
    public static final class StdinNotAvailableException extends IllegalStateException {
        public StdinNotAvailableException() {
            super("reading System.in needs a frontend that accepts input, and this one does not"
                    + " (allow_stdin is false)");
        }
    }
}

package org.jparallel.client;

import java.io.PrintStream;
import java.time.Duration;

/**
 * Waits for a result while one line counts its finished tasks, rewritten in place ({@code \r}) as a terminal
 * and Jupyter's output areas show it, then {@code done}: ipyparallel's {@code wait_interactive}.
 *
 * <pre>{@code
 *   12/40 tasks finished after    3 s
 * }</pre>
 */
final class WaitProgress {
    private final AsyncResult<?> result;
    private final PrintStream out;

    WaitProgress(AsyncResult<?> result, PrintStream out) {
        this.result = result;
        this.out = out;
    }

    void await(Duration interval) {
        boolean ready;
        do {
            ready = result.waitFor(interval);
            out.printf("\r%4d/%d tasks finished after %4.0f s", result.progress(), result.size(), result.elapsed());
            out.flush();
        } while (!ready);
        out.println();
        out.println("done");
    }
}

package org.jparallel.client;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * Waits for tasks while one line counts those finished, rewritten in place ({@code \r}) as a terminal and
 * Jupyter's output areas show it, then {@code done}: ipyparallel's {@code wait_interactive}.
 *
 * <pre>{@code
 *   12/40 tasks finished after    3 s
 * }</pre>
 */
final class WaitProgress {
    /** What is waited for. */
    interface Tasks {
        /** Waits at most {@code interval}; whether every task has finished. */
        boolean waitFor(Duration interval);

        int finished();

        int size();

        double elapsedSeconds();
    }

    private final Tasks tasks;
    private final PrintStream out;

    WaitProgress(Tasks tasks, PrintStream out) {
        this.tasks = tasks;
        this.out = out;
    }

    /** The tasks of one result. */
    static WaitProgress of(AsyncResult<?> result, PrintStream out) {
        return new WaitProgress(new Tasks() {
            @Override
            public boolean waitFor(Duration interval) {
                return result.waitFor(interval);
            }

            @Override
            public int finished() {
                return result.progress();
            }

            @Override
            public int size() {
                return result.size();
            }

            @Override
            public double elapsedSeconds() {
                return result.elapsed();
            }
        }, out);
    }

    /** Requests sent on {@code channel}, counted as finished once answered. */
    static WaitProgress ofRequests(ClientChannel channel, List<String> msgIds, PrintStream out) {
        long start = System.nanoTime();
        return new WaitProgress(new Tasks() {
            @Override
            public boolean waitFor(Duration interval) {
                return channel.awaitReplies(msgIds, interval);
            }

            @Override
            public int finished() {
                return (int) msgIds.stream().filter(id -> !channel.isWaiting(id)).count();
            }

            @Override
            public int size() {
                return msgIds.size();
            }

            @Override
            public double elapsedSeconds() {
                return (System.nanoTime() - start) / 1e9;
            }
        }, out);
    }

    void await(Duration interval) {
        boolean ready;
        do {
            ready = tasks.waitFor(interval);
            out.printf("\r%4d/%d tasks finished after %4.0f s", tasks.finished(), tasks.size(), tasks.elapsedSeconds());
            out.flush();
        } while (!ready);
        out.println();
        out.println("done");
    }
}

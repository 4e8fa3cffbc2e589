package org.jparallel.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;

/**
 * What every view does with the tasks it has sent itself, as ipyparallel's {@code View}: list those still
 * running or queued ({@link #outstanding()}), wait for them ({@link #waitForAll(Duration)}), abort them
 * ({@link #abort()}), and see the queues of its engines ({@link #queueStatus()}). A view made from another by
 * {@link LoadBalancedView#withFlags} shares its parent's tasks.
 *
 * <pre>{@code
 * var lv = rc.loadBalancedView();
 * for (int i = 0; i < 100; i++) lv.apply(() -> work());
 * lv.outstanding().size();                    // 97
 * lv.waitForAll(Duration.ofSeconds(2));       // false: some still run
 * lv.abort();                                 // those not started fail with TaskAbortedError
 * rc.view(0, 1).queueStatus();                // engines 0 and 1 only
 * }</pre>
 */
public abstract sealed class View permits DirectView, EngineView, LoadBalancedView {
    private final ViewTasks tasks;

    View(ViewTasks tasks) {
        this.tasks = tasks;
    }

    ViewTasks tasks() {
        return tasks;
    }

    /** The engines whose queues {@link #queueStatus()} shows; empty for every engine. */
    abstract List<Integer> queueTargets();

    /**
     * Waits for a push and shows what its engines said, if anything: a push prints nothing of its own, so what
     * they say is a note the user needs (declaring a pushed type anew reset their variables of the old one).
     */
    static <T> T pushed(AsyncResult<T> push) {
        T done = push.get();
        if (push.stderr().stream().anyMatch(text -> !text.isEmpty())) {
            push.displayOutputs();
        }
        return done;
    }

    /**
     * The msg_ids of this view's requests still waiting for their reply: its tasks queued or running
     * (ipyparallel's {@code view.outstanding}).
     */
    public Set<String> outstanding() {
        return Set.copyOf(tasks.outstanding());
    }

    /**
     * Waits until every request this view has sent so far has been answered, at most {@code timeout}
     * (ipyparallel's {@code view.wait()}); requests sent while it waits are not waited for.
     *
     * @return whether they all were answered in time
     * @throws CancellationException when the waiting thread is interrupted
     * @throws ClusterException      when the client is closed, or its controller exits, before they are answered
     */
    public boolean waitForAll(Duration timeout) {
        return tasks.channel().awaitReplies(tasks.outstanding(), timeout);
    }

    /**
     * Waits for every request this view has sent so far, printing on {@code System.out} how many have been
     * answered, on one line rewritten each second, then {@code done} (ipyparallel's {@code wait_interactive}).
     *
     * @throws CancellationException when the waiting thread is interrupted
     */
    public void waitInteractive() {
        WaitProgress.ofRequests(tasks.channel(), tasks.outstanding(), System.out).await(Duration.ofSeconds(1));
    }

    /**
     * Aborts this view's tasks that have not started yet (ipyparallel's {@code view.abort()}); they fail with
     * {@link TaskAbortedError}. Running ones go on: {@link AsyncResult#cancel(boolean) cancel(true)} on their
     * results stops them.
     */
    public void abort() {
        tasks.abort();
    }

    /**
     * The queues of this view's engines (ipyparallel's {@code view.queue_status()}): for a {@link DirectView} or an
     * {@link EngineView} its targets, for a {@link LoadBalancedView} every engine it may use; with the load-balanced
     * tasks still waiting in the controller for an engine.
     */
    public QueueStatus queueStatus() {
        QueueStatus all = tasks.queue();
        List<Integer> targets = queueTargets();
        if (targets.isEmpty()) {
            return all;
        }
        Map<Integer, QueueStatus.Engine> mine = all.engines().entrySet().stream()
                .filter(e -> targets.contains(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return new QueueStatus(mine, all.unassigned());
    }
}

package org.jparallel.client;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jparallel.wire.BackgroundThreads;
import org.jparallel.wire.Message;

/**
 * The tasks of one {@link AsyncResult}: what has answered, in which order, and the waiting for it.
 * Messages arrive on the client's socket thread; users wait on theirs.
 */
final class TaskBoard {
    private static final Logger LOG = Logger.getLogger(TaskBoard.class.getName());

    private final List<TaskState> tasks;
    private final OutputListeners listeners = new OutputListeners();
    private final long submittedNanos = System.nanoTime();
    private final List<Integer> arrival = new ArrayList<>();
    private final List<Runnable> whenDone = new ArrayList<>();
    /** What stops the tasks when a notebook cell waiting for them is interrupted (see {@link CellWait}). */
    private final Runnable stop;
    private long completedNanos = -1;
    private boolean cancelled;
    private RuntimeException failure;

    TaskBoard(List<String> msgIds, List<Integer> targets, Runnable stop) {
        this.stop = stop;
        Instant now = Instant.now();
        List<TaskState> states = new ArrayList<>(msgIds.size());
        for (int i = 0; i < msgIds.size(); i++) {
            states.add(new TaskState(msgIds.get(i), targets.get(i), now));
        }
        this.tasks = List.copyOf(states);
    }

    void receive(int index, Message message) {
        boolean finishedNow = false;
        boolean output = false;
        synchronized (this) {
            TaskState task = tasks.get(index);
            if (task.done() || isDone()) {
                return;
            }
            task.learnFrom(message);
            if (message.msgType().endsWith("_reply")) {
                task.answer(message);
                if (task.completed == null) {
                    task.completed = Instant.now();
                }
                arrival.add(index);
                finishedNow = arrival.size() == tasks.size();
                if (finishedNow) {
                    completedNanos = System.nanoTime();
                }
                notifyAll();
            } else {
                EngineOutput out = OutputMessages.toOutput(task.engineId, message);
                if (out != null) {
                    task.keep(out);
                    listeners.add(out);
                    output = true;
                }
            }
        }
        if (output) {
            listeners.deliver();
        }
        if (finishedNow) {
            runWhenDone();
        }
    }

    void fail(RuntimeException reason) {
        synchronized (this) {
            if (isDone()) {
                return;
            }
            failure = reason;
            completedNanos = System.nanoTime();
            notifyAll();
        }
        runWhenDone();
    }

    boolean cancel() {
        synchronized (this) {
            if (isDone()) {
                return false;
            }
            cancelled = true;
            completedNanos = System.nanoTime();
            notifyAll();
        }
        runWhenDone();
        return true;
    }

    void onDone(Runnable callback) {
        synchronized (this) {
            if (!isDone()) {
                whenDone.add(callback);
                return;
            }
        }
        callback.run();
    }

    private void runWhenDone() {
        List<Runnable> callbacks;
        synchronized (this) {
            callbacks = new ArrayList<>(whenDone);
            whenDone.clear();
        }
        for (Runnable callback : callbacks) {
            try {
                callback.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a done callback failed", e);
            }
        }
    }

    synchronized boolean isDone() {
        return cancelled || failure != null || arrival.size() == tasks.size();
    }

    synchronized boolean isCancelled() {
        return cancelled;
    }

    synchronized RuntimeException failure() {
        return failure;
    }

    /** Waits until the board is done or the deadline ({@link System#nanoTime()}) passes; false on timeout. */
    synchronized boolean awaitDone(long deadline, String what) {
        return await(board -> board.isDone(), deadline, what);
    }

    /** Waits until task {@code index} has answered or the board is done otherwise. */
    synchronized void awaitTask(int index, String what) {
        await(board -> tasks.get(index).done() || board.isDone(), Long.MAX_VALUE, what);
    }

    /** Waits until {@code count} tasks have answered; the index of the {@code count}-th, or -1 if none will. */
    synchronized int awaitArrival(int count, String what) {
        await(board -> arrival.size() >= count || board.isDone(), Long.MAX_VALUE, what);
        return arrival.size() >= count ? arrival.get(count - 1) : -1;
    }

    private boolean await(Predicate<TaskBoard> condition, long deadline, String what) {
        if (!condition.test(this) && BackgroundThreads.onDeliveringThread()) {
            throw new IllegalStateException("waiting for " + what + " on the client's socket thread would never end:"
                    + " the answer comes through this thread. Wait in a thread of your own, e.g. with"
                    + " toCompletableFuture().thenApplyAsync(...) instead of a callback");
        }
        try (CellWait cell = condition.test(this) ? null : CellWait.stopping(stop)) {
            while (!condition.test(this)) {
                if (deadline == Long.MAX_VALUE) {
                    wait();
                } else {
                    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                    if (left <= 0) {
                        return false;
                    }
                    wait(left);
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for " + what
                    + "; its tasks go on: stop them with cancel(true)");
        }
    }

    synchronized TaskState task(int index) {
        return tasks.get(index);
    }

    int size() {
        return tasks.size();
    }

    synchronized List<Integer> arrival() {
        return List.copyOf(arrival);
    }

    synchronized int progress() {
        return arrival.size();
    }

    synchronized double elapsed() {
        TaskState first = tasks.get(0);
        if (first.submittedRecorded) { // a task of the controller's records: from its own submission
            Instant end = isDone() && first.completed != null ? first.metadata().completed().orElse(first.completed)
                    : Instant.now();
            return Duration.between(first.submitted, end).toNanos() / 1e9;
        }
        long end = completedNanos >= 0 ? completedNanos : System.nanoTime();
        return (end - submittedNanos) / 1e9;
    }

    synchronized List<Integer> engineIds() {
        return tasks.stream().map(t -> t.engineId).toList();
    }

    List<String> msgIds() {
        return tasks.stream().map(t -> t.msgId).toList();
    }

    synchronized List<String> unanswered() {
        return tasks.stream().filter(t -> !t.done()).map(t -> t.msgId).toList();
    }

    synchronized List<TaskMetadata> metadata() {
        return tasks.stream().map(TaskState::metadata).toList();
    }

    synchronized boolean allOk() {
        return tasks.stream().allMatch(t -> "ok".equals(t.status()));
    }

    /** Every task's outputs, task after task, each task's in the order they came. */
    synchronized List<EngineOutput> outputsByTask() {
        List<EngineOutput> all = new ArrayList<>();
        tasks.forEach(task -> all.addAll(task.outputs));
        return all;
    }

    synchronized List<String> streamText(EngineOutput.Kind kind) {
        List<String> texts = new ArrayList<>(tasks.size());
        for (TaskState task : tasks) {
            StringBuilder text = new StringBuilder();
            task.outputs.stream().filter(o -> o.kind() == kind).forEach(o -> text.append(o.text()));
            texts.add(text.toString());
        }
        return texts;
    }

    OutputListeners listeners() {
        return listeners;
    }
}

package org.jparallel.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jparallel.repl.CellDisplay;
import org.jparallel.wire.Message;

/**
 * The result of requests sent to engines, which arrives later: poll it, wait for it, or stream its output.
 *
 * <p>{@link #get()} returns the value or throws what the engines threw: a {@link RemoteError} for one task,
 * a {@link CompositeError} when tasks of a multi-engine request failed, an {@link EngineError} when an engine
 * died. Output listeners ({@link #onOutput}) see each engine's output as it is produced.
 *
 * <pre>{@code
 * AsyncResult<List<Integer>> ar = rc.all().apply(() -> { Thread.sleep(5000); return 1; });
 * ar;                  // <AsyncResult(apply): pending>
 * ar.elapsed();        // 1.52
 * ar.ready();          // false
 * ar.waitInteractive(); //    4/4 tasks finished after    5 s
 * ar.get();            // [1, 1, 1, 1]
 * ar.getDict();        // {0=1, 1=1, 2=1, 3=1}
 * ar.serialTime() / ar.wallTime();   // 3.9: four engines' 5 s in about 5 s
 * }</pre>
 *
 * @param <T> the value: a list with one element per engine for a {@link DirectView}, one value for an
 *            {@link EngineView} or a load-balanced {@code apply}
 */
public class AsyncResult<T> implements Future<T> {
    private final String method;
    private final TaskBoard board;
    private final ReplyReader reader;
    private final Function<List<Object>, T> combine;
    private final boolean composite;
    private final Aborter aborter;
    private volatile String label;
    private boolean combined;
    private T value;

    /**
     * @param method    what was asked (execute, apply, map, …): the default label and the method of errors
     * @param msgIds    one request per task
     * @param targets   the engine each task was sent to, or -1 for a load-balanced one
     * @param reader    turns one successful reply into its value
     * @param combine   turns the values of all tasks (in {@link #order()}) into the result
     * @param composite whether failures are reported as one {@link CompositeError} even when one task failed
     * @param aborter   asks the cluster to abort these msg_ids
     */
    AsyncResult(String method, List<String> msgIds, List<Integer> targets, ReplyReader reader,
                Function<List<Object>, T> combine, boolean composite, Aborter aborter) {
        this(method, msgIds, targets, reader, combine, composite, aborter, true);
    }

    /**
     * @param ownTasks whether these tasks are this client's own, which interrupting a notebook cell that waits for
     *                 them stops; else (another client's, found by {@link Client#getResult}) the interrupt stops
     *                 the wait only, and cancels this result without touching the tasks
     */
    AsyncResult(String method, List<String> msgIds, List<Integer> targets, ReplyReader reader,
                Function<List<Object>, T> combine, boolean composite, Aborter aborter, boolean ownTasks) {
        this.method = method;
        this.label = method;
        this.board = new TaskBoard(msgIds, targets, ownTasks ? () -> cancel(true) : () -> board().cancel());
        this.reader = reader;
        this.combine = combine;
        this.composite = composite;
        this.aborter = aborter;
    }

    /** What receives the messages answering task {@code index}. */
    Pending pendingFor(int index) {
        return new Pending() {
            @Override
            public void receive(Message message) {
                board.receive(index, message);
            }

            @Override
            public void fail(RuntimeException reason) {
                board.fail(reason);
            }
        };
    }

    /** Whether every task has answered (or the result was cancelled, or the cluster went away). */
    public boolean ready() {
        return board.isDone();
    }

    /**
     * Whether every task succeeded.
     *
     * @throws IllegalStateException while the result is not ready: call {@link #waitFor(Duration)} first
     */
    public boolean successful() {
        if (!board.isDone()) {
            throw new IllegalStateException(this + " is not ready yet: call waitFor(...) or get() first");
        }
        return !board.isCancelled() && board.failure() == null && board.allOk();
    }

    /**
     * Waits for the result and returns it.
     *
     * @throws RemoteError           when the one task failed on its engine ({@link EngineError} if it died)
     * @throws CompositeError        when tasks of a multi-engine request failed
     * @throws ClusterException      when the cluster went away before answering
     * @throws CancellationException when the result was cancelled, or the waiting thread interrupted
     */
    @Override
    public T get() {
        board.awaitDone(Long.MAX_VALUE, toString());
        return value();
    }

    /**
     * Waits at most {@code timeout} for the result.
     *
     * @throws TimeoutException when the result is not ready in time; the tasks go on running
     */
    public T get(Duration timeout) throws TimeoutException {
        awaitReady(timeout);
        return value();
    }

    private void awaitReady(Duration timeout) throws TimeoutException {
        if (!waitFor(timeout)) {
            throw new TimeoutException(this + " was not ready within " + timeout.toMillis() / 1000.0
                    + " s: wait longer, or stop it with abort()");
        }
    }

    @Override
    public T get(long timeout, TimeUnit unit) throws TimeoutException {
        return get(Duration.ofNanos(unit.toNanos(timeout)));
    }

    /** Waits at most {@code timeout}; returns whether the result is ready. */
    public boolean waitFor(Duration timeout) {
        return board.awaitDone(System.nanoTime() + timeout.toNanos(), toString());
    }

    private synchronized T value() {
        checkNotLost();
        if (!combined) {
            throwErrors();
            List<Object> values = new ArrayList<>(board.size());
            for (int index : order()) {
                values.add(decoded(index));
            }
            value = combine.apply(values);
            combined = true;
        }
        return value;
    }

    /**
     * Waits for every task and returns each value, with the error a failed task threw in its place instead of
     * throwing (ipyparallel's {@code get(return_exceptions=True)}): a {@link RemoteError}, an {@link EngineError} for
     * a task whose engine died, a {@link TaskAbortedError} for one aborted. A {@code map} gives one element per
     * element of its sequence (a failed chunk's error stands for each of its elements), other requests one per
     * task: per engine for a {@link DirectView}, a list of one for a single task.
     *
     * <pre>{@code
     * List<Object> r = lv.map((Integer x) -> 10 / x, List.of(1, 0, 5)).getReturningExceptions();
     * r.get(0);                              // 10
     * ((RemoteError) r.get(1)).remoteClassName();   // "java.lang.ArithmeticException"
     * r.get(2);                              // 2
     * }</pre>
     *
     * @throws ClusterException      when the cluster went away before answering
     * @throws CancellationException when the result was cancelled, or the waiting thread interrupted
     */
    public List<Object> getReturningExceptions() {
        board.awaitDone(Long.MAX_VALUE, toString());
        return valuesOrErrors();
    }

    /**
     * {@link #getReturningExceptions()} waiting at most {@code timeout}.
     *
     * @throws TimeoutException when the result is not ready in time; the tasks go on running
     */
    public List<Object> getReturningExceptions(Duration timeout) throws TimeoutException {
        awaitReady(timeout);
        return valuesOrErrors();
    }

    private List<Object> valuesOrErrors() {
        checkNotLost();
        List<Object> elements = new ArrayList<>();
        for (int index : order()) {
            try {
                elements.addAll(elementsOf(index, decoded(index)));
            } catch (RemoteError e) {
                elements.addAll(Collections.nCopies(width(index), e));
            }
        }
        return elements;
    }

    /** What task {@code index}'s value stands for among {@link #getReturningExceptions()}'s elements. */
    List<Object> elementsOf(int index, Object value) {
        return Collections.singletonList(value);
    }

    /** How many of {@link #getReturningExceptions()}'s elements task {@code index} stands for. */
    int width(int index) {
        return 1;
    }

    private void checkNotLost() {
        if (board.isCancelled()) {
            throw new CancellationException(this + " was cancelled");
        }
        RuntimeException failure = board.failure();
        if (failure != null) {
            throw failure;
        }
    }

    /** The indices of tasks in the order their values are combined: task order. */
    List<Integer> order() {
        List<Integer> order = new ArrayList<>(board.size());
        for (int i = 0; i < board.size(); i++) {
            order.add(i);
        }
        return order;
    }

    TaskBoard board() {
        return board;
    }

    private void throwErrors() {
        List<RemoteError> errors = new ArrayList<>();
        for (int i = 0; i < board.size(); i++) {
            TaskState task = board.task(i);
            synchronized (board) {
                if (!"ok".equals(task.status())) {
                    errors.add(ReplyErrors.of(task.engineId, method, task.reply, reader));
                }
            }
        }
        if (errors.size() == 1 && !composite) {
            throw errors.get(0);
        }
        if (!errors.isEmpty()) {
            throw new CompositeError(method, errors);
        }
    }

    /** Whether this is one task's result whose value this client has read: {@link #get()} returns it at once. */
    boolean inHand() {
        if (board.size() != 1) {
            return false;
        }
        TaskState task = board.task(0);
        synchronized (board) {
            return task.decoded && "ok".equals(task.status());
        }
    }

    /** The value of one finished task, decoded once; throws its error when it failed. */
    Object decoded(int index) {
        TaskState task = board.task(index);
        // Decoding may take long (80 MB arrays): under the task's own lock, not the board's.
        synchronized (task) {
            Message reply;
            int engineId;
            List<EngineOutput> outputs;
            synchronized (board) {
                if (!"ok".equals(task.status())) {
                    throw ReplyErrors.of(task.engineId, method, task.reply, reader);
                }
                if (task.decoded) {
                    return task.value;
                }
                reply = task.reply;
                engineId = task.engineId;
                outputs = List.copyOf(task.outputs);
            }
            try {
                task.value = reader.read(reply, outputs);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new ClusterException("cannot read the value engine " + engineId + " sent for " + method
                        + ": " + e + ": is the value's class on this client's class path?", e);
            }
            task.decoded = true;
            return task.value;
        }
    }

    /**
     * The value of each engine by engine id: for a direct request, what {@link #get()} lists in target order;
     * for a direct {@code map}, the list of values each engine computed.
     *
     * @throws IllegalStateException when one engine ran several of the tasks (a load-balanced map): use get()
     */
    @SuppressWarnings("unchecked")
    public <V> Map<Integer, V> getDict() {
        get();
        Map<Integer, V> byEngine = new LinkedHashMap<>();
        List<Integer> engines = board.engineIds();
        for (int i = 0; i < engines.size(); i++) {
            if (byEngine.put(engines.get(i), (V) decoded(i)) != null) {
                throw new IllegalStateException("engine " + engines.get(i) + " ran several tasks of " + label
                        + ", so there is no single value per engine: use get()");
            }
        }
        return byEngine;
    }

    /** Seconds since submission, frozen once the result is ready. */
    public double elapsed() {
        return board.elapsed();
    }

    /**
     * Seconds from the first task's submission to the last one's completion, by the times the cluster recorded
     * (ipyparallel's {@code wall_time}); beside {@link #serialTime()}, what running in parallel gained.
     *
     * @throws IllegalStateException while tasks are pending: wait with {@link #get()} or {@link #waitFor} first
     */
    public double wallTime() {
        return finishedTimes("wallTime").wallSeconds();
    }

    /**
     * Seconds the engines spent running these tasks, added up (each task's started to completed; ipyparallel's
     * {@code serial_time}): {@code ar.serialTime() / ar.wallTime()} is the speedup.
     *
     * @throws IllegalStateException while tasks are pending: wait with {@link #get()} or {@link #waitFor} first
     */
    public double serialTime() {
        return finishedTimes("serialTime").serialSeconds();
    }

    private TaskTimes finishedTimes(String what) {
        if (!ready()) {
            throw new IllegalStateException(what + "() of " + this + ": " + progress() + " of " + size()
                    + " tasks have finished; wait with get() or waitFor(timeout) first");
        }
        return TaskTimes.of(metadata());
    }

    /**
     * Waits for every task, printing on {@code System.out} how many have finished, on one line rewritten each
     * second, then {@code done} (ipyparallel's {@code wait_interactive}). What the tasks threw is not thrown here:
     * {@link #get()} does.
     */
    public void waitInteractive() {
        waitInteractive(Duration.ofSeconds(1));
    }

    /** Like {@link #waitInteractive()}, rewriting the line every {@code interval}. */
    public void waitInteractive(Duration interval) {
        WaitProgress.of(this, System.out).await(interval);
    }

    /**
     * Waits for the tasks to finish, then prints what they printed and showed, task after task in the order they
     * were submitted (as ipyparallel's {@code display_outputs} does, which refuses a result not ready yet;
     * {@link #outputs()} has them in the order they came, {@link #onOutput} as they come):
     * {@code [stdout:0] hi} on {@code System.out}, {@code [stderr:1] …} on {@code System.err}, results as
     * {@code Out[0:3]: 42}, displays after {@code [output:0]}: in a notebook rich (the HTML, the image a task
     * displayed), elsewhere as their text. Errors are {@link #get()}'s to throw.
     */
    public void displayOutputs() {
        board.awaitDone(Long.MAX_VALUE, toString());
        displayOutputs(OutputPrinter.toSystemStreams(CellDisplay.inThisCell().orElse(null)));
    }

    void displayOutputs(OutputPrinter printer) {
        board.outputsByTask().forEach(printer::print);
    }

    /**
     * The engine of each task, in task order, as it answered; -1 for a load-balanced task not placed yet. A value
     * the controller made again after that engine died (the task's retries allowing) lives on another engine since,
     * which this does not follow.
     */
    public List<Integer> engineIds() {
        return board.engineIds();
    }

    /** The ids of the request messages, one per task. */
    public List<String> msgIds() {
        return board.msgIds();
    }

    /** What each task printed to {@code System.out} so far, one string per task. */
    public List<String> stdout() {
        return board.streamText(EngineOutput.Kind.STDOUT);
    }

    /** What each task printed to {@code System.err} so far, one string per task. */
    public List<String> stderr() {
        return board.streamText(EngineOutput.Kind.STDERR);
    }

    /** Every output of every task so far, in the order it arrived. */
    public List<EngineOutput> outputs() {
        return board.listeners().all();
    }

    /** The cluster's record of each task, in task order. */
    public List<TaskMetadata> metadata() {
        return board.metadata();
    }

    /** How many tasks have answered so far. */
    public int progress() {
        return board.progress();
    }

    /** How many tasks there are: {@link #progress()} reaches it when the result is ready. */
    public int size() {
        return board.size();
    }

    /**
     * Calls {@code listener} with every output of these tasks: first those already received, then each as it
     * arrives. Runs on the client's socket thread: keep it short.
     */
    public AsyncResult<T> onOutput(Consumer<EngineOutput> listener) {
        board.listeners().listen(listener);
        return this;
    }

    /**
     * Runs {@code callback} once the result is ready (at once if it is), on the client's socket thread: keep it
     * short, and wait for nothing there (a {@code get()} of a result not yet ready throws
     * {@link IllegalStateException}, since its answer would come through that thread); {@link #toCompletableFuture()}
     * runs its stages elsewhere.
     */
    public AsyncResult<T> onDone(Runnable callback) {
        board.onDone(callback);
        return this;
    }

    /**
     * {@link #onDone(Runnable)} with this result given to the callback, as ipyparallel's
     * {@code add_done_callback(fn)}: {@code ar.onDone(r -> System.out.println(r.successful()))}.
     */
    public AsyncResult<T> onDone(Consumer<? super AsyncResult<T>> callback) {
        board.onDone(() -> callback.accept(this));
        return this;
    }

    /**
     * This result as a {@link CompletableFuture}, to compose with others ({@code thenCombine}, {@code allOf}, …):
     * it completes with the value, or exceptionally with what {@link #get()} throws (a {@link RemoteError}, …).
     * Cancelling it cancels this result. It completes on a thread of {@code CompletableFuture}'s default pool,
     * not on the client's socket thread, so its stages may decode big values and wait for other results.
     *
     * <pre>{@code
     * CompletableFuture<Integer> a = lv.apply(() -> 20).toCompletableFuture();
     * CompletableFuture<Integer> b = lv.apply(() -> 22).toCompletableFuture();
     * a.thenCombine(b, Integer::sum).join();   // 42
     * }</pre>
     */
    public CompletableFuture<T> toCompletableFuture() {
        CompletableFuture<T> future = new CompletableFuture<>() {
            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                // first, or the result's own cancellation would complete this future before it is cancelled
                boolean cancelled = super.cancel(mayInterruptIfRunning);
                AsyncResult.this.cancel(mayInterruptIfRunning);
                return cancelled;
            }
        };
        // Not on the socket thread that runs onDone: decoding may fetch a value the engine kept, whose answer
        // comes through that thread.
        onDone(() -> future.completeAsync(this::value));
        return future;
    }

    /** Asks the cluster to drop those of these tasks that have not started; they fail with {@link TaskAbortedError}. */
    public void abort() {
        abort(false);
    }

    /** Aborts the tasks not started and, with {@code interruptRunning}, interrupts those running; they all answer. */
    void abort(boolean interruptRunning) {
        List<String> unanswered = board.unanswered();
        if (!unanswered.isEmpty()) {
            aborter.abort(unanswered, interruptRunning);
        }
    }

    /**
     * Stops waiting: the result becomes cancelled and its queued tasks are aborted. With
     * {@code mayInterruptIfRunning}, its tasks already running are interrupted on their engines (as an interrupt
     * stops a cell: the engines keep their state); without it they go on to their end. A notebook cell that waits
     * for this result and is interrupted cancels it so.
     */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        List<String> unanswered = board.unanswered();
        if (!board.cancel()) {
            return false;
        }
        if (!unanswered.isEmpty()) {
            aborter.abort(unanswered, mayInterruptIfRunning);
        }
        return true;
    }

    @Override
    public boolean isCancelled() {
        return board.isCancelled();
    }

    @Override
    public boolean isDone() {
        return board.isDone();
    }

    /** The name this result shows: the method by default ({@code execute}, {@code apply}, …). */
    public String label() {
        return label;
    }

    /** Renames this result, e.g. {@code %px} for the magic's results. */
    public AsyncResult<T> label(String newLabel) {
        this.label = newLabel;
        return this;
    }

    /** {@code <AsyncResult(execute): pending>} or {@code <AsyncResult(execute): finished>}. */
    @Override
    public String toString() {
        String state = board.isCancelled() ? "cancelled" : !board.isDone() ? "pending"
                : board.failure() != null || !board.allOk() ? "failed" : "finished";
        return "<" + getClass().getSimpleName() + "(" + label + "): " + state + ">";
    }

}

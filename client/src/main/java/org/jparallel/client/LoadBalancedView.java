package org.jparallel.client;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntSupplier;
import org.jparallel.client.TaskSender.TaskRequest;

/**
 * Sends each task to whichever engine the controller picks (the least loaded): ipyparallel's
 * {@code rc.load_balanced_view()}. Values are the task's own, not lists.
 *
 * <p>{@link #withFlags(TaskFlags...)} makes a view whose tasks wait for others ({@code after}), run where others
 * ran ({@code follow}) or where the engine has what they need ({@code require}, {@code depend}), give up waiting
 * ({@code timeout}) or run again elsewhere after a failure ({@code retries}); see {@link TaskFlags}. Which engine
 * takes a task is the cluster's scheme ({@code jpcluster start --scheme lru}).
 *
 * <pre>{@code
 * var lv = rc.loadBalancedView();
 * var arB = lv.applyAsync(() -> stepB());
 * var arC = lv.applyAsync(() -> stepC());
 * var arA = lv.withFlags(after(arB, arC)).applyAsync(() -> stepA());   // starts once B and C have succeeded
 * var arD = lv.withFlags(after(arA), timeout(Duration.ofMinutes(5)), retries(2)).applyAsync(() -> stepD());
 * try (var scope = lv.tempFlags(follow(arB))) {
 *     lv.apply(() -> useWhatBLeftOnItsEngine());
 * }
 * lv.map(x -> slow(x), range(100), MapOptions.chunksize(10)).get();
 * for (var r : lv.imap(x -> slow(x), hugeInput)) { ... }          // consumed as results come, one task per engine
 * }</pre>
 */
public final class LoadBalancedView extends View {
    private final TaskSender sender;
    private final IntSupplier engineCount;
    /** The view's own flags; {@link #flags} adds those of the open {@code tempFlags} scopes, in the order opened. */
    private final TaskFlags own;
    private final List<TaskFlags> scopes = new ArrayList<>();
    private volatile TaskFlags flags;

    LoadBalancedView(TaskSender sender, ViewTasks tasks, IntSupplier engineCount, TaskFlags flags) {
        super(tasks);
        this.sender = sender;
        this.engineCount = engineCount;
        this.own = flags;
        this.flags = flags;
    }

    /** The flags tasks are sent with. */
    public TaskFlags flags() {
        return flags;
    }

    /** The engines this view's tasks may run on; empty for any engine, those that join later included. */
    public List<Integer> targets() {
        return flags.targets();
    }

    @Override
    List<Integer> queueTargets() {
        return targets();
    }

    /**
     * A view like this one whose tasks carry these flags ({@code withFlags(after(arB), retries(2))}): each flag given
     * replaces this view's, the others stay, as ipyparallel's {@code set_flags} (so {@code retries(0)} takes retries
     * away). This view is unchanged.
     */
    public LoadBalancedView withFlags(TaskFlags... newFlags) {
        return new LoadBalancedView(sender, tasks(), engineCount, flags.updatedBy(combined(newFlags)));
    }

    /**
     * Sets these flags on this view until the returned scope is closed, as ipyparallel's {@code temp_flags}: each flag
     * given replaces the view's, the others stay (an outer scope's {@code retries} survive an inner
     * {@code tempFlags(timeout(3))}). Scopes closed in another order than they were opened leave the flags of those
     * still open, and the view's own once all are closed.
     */
    public TemporaryFlags tempFlags(TaskFlags... newFlags) {
        TaskFlags scope = combined(newFlags);
        synchronized (scopes) {
            scopes.add(scope);
            flags = withScopes();
        }
        return new TemporaryFlags(() -> {
            synchronized (scopes) {
                scopes.remove(scope);
                flags = withScopes();
            }
        });
    }

    private TaskFlags withScopes() {
        TaskFlags now = own;
        for (TaskFlags scope : scopes) {
            now = now.updatedBy(scope);
        }
        return now;
    }

    /**
     * This view as an {@link java.util.concurrent.ExecutorService}: ipyparallel's {@code view.executor}. Its tasks
     * carry the flags this view has when each is submitted.
     *
     * <pre>{@code
     * var executor = lv.executor();
     * Future<Long> pid = executor.submit(() -> ProcessHandle.current().pid());
     * }</pre>
     */
    public ViewExecutor executor() {
        return new ViewExecutor(this::call, toString());
    }

    private static TaskFlags combined(TaskFlags[] flags) {
        TaskFlags all = TaskFlags.NONE;
        for (TaskFlags some : flags) {
            all = all.and(Objects.requireNonNull(some, "flags are TaskFlags (after(...), retries(2), ...), not null"));
        }
        return all;
    }

    /**
     * Runs {@code f} with these arguments where the scheduler puts it (a result among them: its value, from the engine
     * that holds it).
     */
    public <R> AsyncResult<R> apply(Fn0<R> f) {
        return call(f);
    }

    /**
     * Runs {@code f} with these arguments where the scheduler puts it (a result among them: its value, from the engine
     * that holds it).
     */
    public AsyncResult<Void> apply(Action f) {
        return call(f);
    }

    /**
     * Runs {@code f} with these arguments where the scheduler puts it (a result among them: its value, from the engine
     * that holds it).
     */
    public <A, R> AsyncResult<R> apply(Fn<A, R> f, A a, NoMore... noMore) {
        return call(f, a);
    }

    /**
     * Runs {@code f} with these arguments where the scheduler puts it (a result among them: its value, from the engine
     * that holds it).
     */
    public <A, B, R> AsyncResult<R> apply(Fn2<A, B, R> f, A a, B b) {
        return call(f, a, b);
    }

    /**
     * Runs {@code f} with these arguments where the scheduler puts it (a result among them: its value, from the engine
     * that holds it).
     */
    public <A, B, C, R> AsyncResult<R> apply(Fn3<A, B, C, R> f, A a, B b, C c) {
        return call(f, a, b, c);
    }

    /** The same as {@link #apply(Fn0)}: ipyparallel's name. */
    public <R> AsyncResult<R> applyAsync(Fn0<R> f) {
        return apply(f);
    }

    /** The same as {@code apply}: ipyparallel's name. */
    public AsyncResult<Void> applyAsync(Action f) {
        return apply(f);
    }

    /** The same as {@code apply}: ipyparallel's name. */
    public <A, R> AsyncResult<R> applyAsync(Fn<A, R> f, A a, NoMore... noMore) {
        return apply(f, a);
    }

    /** The same as {@code apply}: ipyparallel's name. */
    public <A, B, R> AsyncResult<R> applyAsync(Fn2<A, B, R> f, A a, B b) {
        return apply(f, a, b);
    }

    /** The same as {@code apply}: ipyparallel's name. */
    public <A, B, C, R> AsyncResult<R> applyAsync(Fn3<A, B, C, R> f, A a, B b, C c) {
        return apply(f, a, b, c);
    }

    /** Like {@code apply}, waiting: the value. */
    public <R> R applySync(Fn0<R> f) {
        return apply(f).get();
    }

    /** Like {@code apply}, waiting: the value. */
    public void applySync(Action f) {
        apply(f).get();
    }

    /** Like {@code apply}, waiting: the value. */
    public <A, R> R applySync(Fn<A, R> f, A a, NoMore... noMore) {
        return apply(f, a).get();
    }

    /** Like {@code apply}, waiting: the value. */
    public <A, B, R> R applySync(Fn2<A, B, R> f, A a, B b) {
        return apply(f, a, b).get();
    }

    /** Like {@code apply}, waiting: the value. */
    public <A, B, C, R> R applySync(Fn3<A, B, C, R> f, A a, B b, C c) {
        return apply(f, a, b, c).get();
    }

    // ---- results as arguments: an AsyncResult argument means its value, which goes from the engine that
    // holds it to the engine that runs f, never through this client. The task waits for those results, and
    // runs where the largest of them is when that engine is free. Type the lambda's parameters: with
    // implicit ones, javac cannot choose between these and the plain overloads.
    //   var arA = lv.applyAsync((double[] b, double[] c) -> sum(b, c), arB, arC);

    /**
     * Runs {@code f} with these arguments where the scheduler puts it (a result among them: its value, from the engine
     * that holds it).
     */
    public <A, R> AsyncResult<R> apply(Fn<A, R> f, AsyncResult<? extends A> a) {
        return call(f, a);
    }

    /**
     * Runs {@code f} with these arguments where the scheduler puts it (a result among them: its value, from the engine
     * that holds it).
     */
    public <A, B, R> AsyncResult<R> apply(Fn2<A, B, R> f, AsyncResult<? extends A> a, AsyncResult<? extends B> b) {
        return call(f, a, b);
    }

    /**
     * Runs {@code f} with these arguments where the scheduler puts it (a result among them: its value, from the engine
     * that holds it).
     */
    public <A, B, R> AsyncResult<R> apply(Fn2<A, B, R> f, AsyncResult<? extends A> a, B b) {
        return call(f, a, b);
    }

    /**
     * Runs {@code f} with these arguments where the scheduler puts it (a result among them: its value, from the engine
     * that holds it).
     */
    public <A, B, R> AsyncResult<R> apply(Fn2<A, B, R> f, A a, AsyncResult<? extends B> b) {
        return call(f, a, b);
    }

    /**
     * Runs {@code f} with these arguments where the scheduler puts it (a result among them: its value, from the engine
     * that holds it).
     */
    public <A, B, C, R> AsyncResult<R> apply(Fn3<A, B, C, R> f, AsyncResult<? extends A> a,
                                             AsyncResult<? extends B> b, AsyncResult<? extends C> c) {
        return call(f, a, b, c);
    }

    /** The same as {@code apply}: ipyparallel's name. */
    public <A, R> AsyncResult<R> applyAsync(Fn<A, R> f, AsyncResult<? extends A> a) {
        return call(f, a);
    }

    /** The same as {@code apply}: ipyparallel's name. */
    public <A, B, R> AsyncResult<R> applyAsync(Fn2<A, B, R> f, AsyncResult<? extends A> a,
                                               AsyncResult<? extends B> b) {
        return call(f, a, b);
    }

    /** The same as {@code apply}: ipyparallel's name. */
    public <A, B, R> AsyncResult<R> applyAsync(Fn2<A, B, R> f, AsyncResult<? extends A> a, B b) {
        return call(f, a, b);
    }

    /** The same as {@code apply}: ipyparallel's name. */
    public <A, B, R> AsyncResult<R> applyAsync(Fn2<A, B, R> f, A a, AsyncResult<? extends B> b) {
        return call(f, a, b);
    }

    /** The same as {@code apply}: ipyparallel's name. */
    public <A, B, C, R> AsyncResult<R> applyAsync(Fn3<A, B, C, R> f, AsyncResult<? extends A> a,
                                                  AsyncResult<? extends B> b, AsyncResult<? extends C> c) {
        return call(f, a, b, c);
    }

    /** Like {@code apply}, waiting: the value. */
    public <A, R> R applySync(Fn<A, R> f, AsyncResult<? extends A> a) {
        return this.<R>call(f, a).get();
    }

    /** Like {@code apply}, waiting: the value. */
    public <A, B, R> R applySync(Fn2<A, B, R> f, AsyncResult<? extends A> a, AsyncResult<? extends B> b) {
        return this.<R>call(f, a, b).get();
    }

    /** Like {@code apply}, waiting: the value. */
    public <A, B, R> R applySync(Fn2<A, B, R> f, AsyncResult<? extends A> a, B b) {
        return this.<R>call(f, a, b).get();
    }

    /** Like {@code apply}, waiting: the value. */
    public <A, B, R> R applySync(Fn2<A, B, R> f, A a, AsyncResult<? extends B> b) {
        return this.<R>call(f, a, b).get();
    }

    /** Like {@code apply}, waiting: the value. */
    public <A, B, C, R> R applySync(Fn3<A, B, C, R> f, AsyncResult<? extends A> a, AsyncResult<? extends B> b,
                                    AsyncResult<? extends C> c) {
        return this.<R>call(f, a, b, c).get();
    }

    // ---- a variable of the engine that runs the task as the argument (ipyparallel's Reference): every engine the
    // scheduler may pick needs it. Type the lambda's parameter.
    //   lv.applySync((double[] x) -> x.length, Reference.to("x"));

    /**
     * Runs {@code f} with these arguments where the scheduler puts it (a result among them: its value, from the engine
     * that holds it).
     */
    public <A, R> AsyncResult<R> apply(Fn<A, R> f, Reference<? extends A> a) {
        return call(f, a);
    }

    /** The same as {@code apply}: ipyparallel's name. */
    public <A, R> AsyncResult<R> applyAsync(Fn<A, R> f, Reference<? extends A> a) {
        return call(f, a);
    }

    /** Like {@code apply}, waiting: the value. */
    public <A, R> R applySync(Fn<A, R> f, Reference<? extends A> a) {
        return this.<R>call(f, a).get();
    }

    /** Applies {@code f} to every element, one element per task, values in sequence order. */
    public <T, R> AsyncMapResult<R> map(Fn<T, R> f, List<? extends T> sequence) {
        return map(f, sequence, MapOptions.DEFAULT);
    }

    /** Applies {@code f} to every element, {@code options.chunksize()} elements per task. */
    public <T, R> AsyncMapResult<R> map(Fn<T, R> f, List<? extends T> sequence, MapOptions options) {
        return mapChunks(new MapChunk<>(f), options, sequence);
    }

    /** Applies {@code f} to the elements of both sequences pairwise, one pair per task. */
    public <A, B, R> AsyncMapResult<R> map(Fn2<A, B, R> f, List<? extends A> as, List<? extends B> bs) {
        return map(f, as, bs, MapOptions.DEFAULT);
    }

    /** Applies {@code f} to the elements of both sequences pairwise, {@code options.chunksize()} pairs per task. */
    public <A, B, R> AsyncMapResult<R> map(Fn2<A, B, R> f, List<? extends A> as, List<? extends B> bs,
                                           MapOptions options) {
        return mapChunks(new ZipChunk<>(f), options, as, bs);
    }

    /**
     * Applies {@code f} to the elements of the three sequences at each index, one triple per task.
     *
     * <pre>{@code
     * lv.mapSync((Double x, Double y, Double z) -> Math.sqrt(x * x + y * y + z * z), xs, ys, zs)
     * }</pre>
     */
    public <A, B, C, R> AsyncMapResult<R> map(Fn3<A, B, C, R> f, List<? extends A> as, List<? extends B> bs,
                                              List<? extends C> cs) {
        return map(f, as, bs, cs, MapOptions.DEFAULT);
    }

    /** Applies {@code f} to the elements of the three sequences at each index, {@code options.chunksize()} per task. */
    public <A, B, C, R> AsyncMapResult<R> map(Fn3<A, B, C, R> f, List<? extends A> as, List<? extends B> bs,
                                              List<? extends C> cs, MapOptions options) {
        return mapChunks(new Zip3Chunk<>(f), options, as, bs, cs);
    }

    /**
     * Applies {@code f} to each input as the results are consumed, one input per task, at most one unfinished task
     * per engine: ipyparallel's {@code imap}, for inputs too many to submit at once. Results in input order.
     */
    public <T, R> StreamingMap<R> imap(Fn<T, R> f, Iterable<? extends T> inputs) {
        return imap(f, inputs, Math.max(1, engineCount.getAsInt()));
    }

    /** Like {@link #imap(Fn, Iterable)}, with at most {@code maxOutstanding} unfinished tasks (0: no limit). */
    public <T, R> StreamingMap<R> imap(Fn<T, R> f, Iterable<? extends T> inputs, int maxOutstanding) {
        return streamingMap(f, inputs, true, maxOutstanding);
    }

    /** Like {@link #imap(Fn, Iterable)}, results in the order they finish (Python's {@code imap_unordered}). */
    public <T, R> StreamingMap<R> imapUnordered(Fn<T, R> f, Iterable<? extends T> inputs) {
        return imapUnordered(f, inputs, Math.max(1, engineCount.getAsInt()));
    }

    /** Like {@link #imapUnordered(Fn, Iterable)}, with at most {@code maxOutstanding} unfinished tasks (0: no limit). */
    public <T, R> StreamingMap<R> imapUnordered(Fn<T, R> f, Iterable<? extends T> inputs, int maxOutstanding) {
        return streamingMap(f, inputs, false, maxOutstanding);
    }

    private <T, R> StreamingMap<R> streamingMap(Fn<T, R> f, Iterable<? extends T> inputs, boolean ordered,
                                                int maxOutstanding) {
        LoadBalancedView view = withFlags(flags); // the flags of now, whatever tempFlags does meanwhile
        return new StreamingMap<>(inputs.iterator(), input -> view.call(f, input), ordered, maxOutstanding);
    }

    /** Like {@code map}, waiting: the values in sequence order. */
    public <T, R> List<R> mapSync(Fn<T, R> f, List<? extends T> sequence) {
        return map(f, sequence).get();
    }

    /** Like {@code map}, waiting: the values in sequence order. */
    public <T, R> List<R> mapSync(Fn<T, R> f, List<? extends T> sequence, MapOptions options) {
        return map(f, sequence, options).get();
    }

    /** Like {@code map}, waiting: the values in sequence order. */
    public <A, B, R> List<R> mapSync(Fn2<A, B, R> f, List<? extends A> as, List<? extends B> bs) {
        return map(f, as, bs).get();
    }

    /** Like {@code map}, waiting: the values in sequence order. */
    public <A, B, R> List<R> mapSync(Fn2<A, B, R> f, List<? extends A> as, List<? extends B> bs,
                                     MapOptions options) {
        return map(f, as, bs, options).get();
    }

    /** Like {@code map}, waiting: the values in sequence order. */
    public <A, B, C, R> List<R> mapSync(Fn3<A, B, C, R> f, List<? extends A> as, List<? extends B> bs,
                                        List<? extends C> cs) {
        return map(f, as, bs, cs).get();
    }

    /** Like {@code map}, waiting: the values in sequence order. */
    public <A, B, C, R> List<R> mapSync(Fn3<A, B, C, R> f, List<? extends A> as, List<? extends B> bs,
                                        List<? extends C> cs, MapOptions options) {
        return map(f, as, bs, cs, options).get();
    }

    private <T> AsyncResult<T> call(RemoteFunction f, Object... args) {
        TaskFlags now = flags;
        TaskRequest request = sender.applyRequest(-1, GuardedFunction.wrap(f, now), args);
        String label = now.label().isEmpty() ? "apply" : now.label(); // as getResult shows it, from the record
        return submit(List.of(request), now, (ids, targets, aborter) -> new AsyncResult<T>(label, ids, targets,
                (reply, outputs) -> sender.appliedValue(reply), LoadBalancedView::only, false, aborter));
    }

    @SuppressWarnings("unchecked")
    private static <T> T only(List<Object> values) {
        return (T) values.get(0);
    }

    private <R> AsyncMapResult<R> mapChunks(RemoteFunction chunks, MapOptions options, List<?>... sequences) {
        TaskFlags now = flags;
        RemoteFunction chunkFunction = GuardedFunction.wrap(chunks, now);
        int length = sequences[0].size();
        List<List<Object>> chunksOfEach = new ArrayList<>();
        for (List<?> sequence : sequences) {
            if (sequence.size() != length) {
                throw new IllegalArgumentException("the sequences of map have different lengths: " + length
                        + " and " + sequence.size());
            }
            chunksOfEach.add(Sequences.chunksOf(sequence, options.chunksize()));
        }
        List<TaskRequest> requests = new ArrayList<>();
        for (int i = 0; i < chunksOfEach.get(0).size(); i++) {
            Object[] args = new Object[sequences.length];
            for (int s = 0; s < sequences.length; s++) {
                args[s] = chunksOfEach.get(s).get(i);
            }
            requests.add(new TaskRequest(-1, "apply_request", new JsonObject(), sender.encodeCall(chunkFunction, args)));
        }
        String label = now.label().isEmpty() ? "map" : now.label();
        int[] lengths = chunksOfEach.get(0).stream().mapToInt(Sequences::length).toArray();
        return submit(requests, now, (ids, targets, aborter) -> new AsyncMapResult<>(label, ids, targets,
                (reply, outputs) -> sender.appliedValue(reply), options.ordered(), lengths, aborter));
    }

    private <R extends AsyncResult<?>> R submit(List<TaskRequest> requests, TaskFlags now,
                                                TaskSender.ResultFactory<R> factory) {
        return tasks().record(sender.submit(requests, now, factory));
    }

    @Override
    public String toString() {
        return "<LoadBalancedView " + (flags.equals(TaskFlags.NONE) ? "" : flags + " ") + "scheduled by the controller>";
    }

}

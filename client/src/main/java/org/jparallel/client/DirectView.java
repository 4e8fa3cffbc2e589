package org.jparallel.client;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jparallel.repl.ViewActivation;

/**
 * Runs code on chosen engines, each its own copy: ipyparallel's {@code rc[:]}. Every call sends one request
 * per engine and returns an {@link AsyncResult} whose value lists the engines' values in target order;
 * each {@code …Sync} twin waits and returns that list.
 *
 * <p>{@code rc.all()} targets every engine registered when a call is made, including engines that joined
 * after the view was made.
 *
 * <pre>{@code
 * var v = rc.all();
 * v.executeSync("int k = 3;");
 * v.map(x -> x * x, range(10)).get();       // [0, 1, 4, 9, 16, 25, 36, 49, 64, 81]
 * v.applySync((Integer k) -> k * 2, Reference.to("k"));   // [6, 6, 6, 6]: each engine's own k
 * v.scatterSync("part", range(8));           // engine 0 gets [0, 1], engine 1 [2, 3], …
 * v.gatherSync("part");                      // [0, 1, 2, 3, 4, 5, 6, 7]
 * }</pre>
 */
public final class DirectView extends View {
    private final DirectRequests requests;
    private final String description;
    private final Path connectionFile;
    /** The engines it was made for, or null for every engine registered when a call is made. */
    private final List<Integer> fixedTargets;

    DirectView(DirectRequests requests, String description, Path connectionFile, List<Integer> fixedTargets) {
        super(requests.tasks());
        this.requests = requests;
        this.description = description;
        this.connectionFile = connectionFile;
        this.fixedTargets = fixedTargets;
    }

    /**
     * Makes {@code %px} run on this view's engines, as ipyparallel's {@code view.activate()}; in a notebook cell.
     *
     * @throws IllegalStateException outside a jparallel notebook, where no {@code %px} is
     */
    public void activate() {
        activate("");
    }

    /**
     * Makes {@code %px}{@code suffix}, {@code %%px}{@code suffix}, {@code %pxresult}{@code suffix},
     * {@code %pxconfig}{@code suffix} and {@code %autopx}{@code suffix} run on this view's engines beside the plain
     * ones, as ipyparallel's {@code view.activate(suffix)}; in a notebook cell.
     *
     * <pre>{@code
     * rc.view(0, 2).activate("_even");
     * %px_even System.out.println("only on engines 0 and 2");
     * }</pre>
     *
     * @throws IllegalArgumentException when the suffix is not letters, digits and underscores
     * @throws IllegalStateException    outside a jparallel notebook, where no {@code %px} is
     */
    public void activate(String suffix) {
        ViewActivation.inThisCell(connectionFile, fixedTargets, suffix);
    }

    /** The engines a call made now goes to, in order. */
    public List<Integer> targets() {
        return requests.targets();
    }

    @Override
    List<Integer> queueTargets() {
        return targets();
    }

    /** Runs JShell code on each engine; outputs stream to {@link AsyncResult#onOutput} listeners. */
    public AsyncResult<List<ExecuteReply>> execute(String code) {
        return requests.execute(code, false);
    }

    /** Runs JShell code on each engine and waits: one {@link ExecuteReply} per engine. */
    public List<ExecuteReply> executeSync(String code) {
        return execute(code).get();
    }

    /**
     * Runs the JShell code of a file on each engine (ipyparallel's {@code view.run(filename)}): snippets as a
     * cell holds them, read here, so the engines need no copy of the file.
     *
     * <pre>{@code
     * rc.all().runSync(Path.of("setup.jsh"));   // its imports, methods and variables are on every engine now
     * }</pre>
     *
     * @throws UncheckedIOException when the file cannot be read
     */
    public AsyncResult<List<ExecuteReply>> run(Path file) {
        return execute(CodeFile.read(file));
    }

    /** Like {@link #run(Path)}, waiting: one {@link ExecuteReply} per engine. */
    public List<ExecuteReply> runSync(Path file) {
        return run(file).get();
    }

    /** Calls {@code f} on each engine. */
    public <R> AsyncResult<List<R>> apply(Fn0<R> f) {
        return requests.apply(f);
    }

    /** Runs {@code f} on each engine; its values are {@code null}. */
    public AsyncResult<List<Void>> apply(Action f) {
        return requests.apply(f);
    }

    /**
     * Calls {@code f} on each engine with these arguments (a result among them: its value, from the engine that holds
     * it).
     */
    public <A, R> AsyncResult<List<R>> apply(Fn<A, R> f, A a, NoMore... noMore) {
        return requests.apply(f, a);
    }

    /**
     * Calls {@code f} on each engine with these arguments (a result among them: its value, from the engine that holds
     * it).
     */
    public <A, B, R> AsyncResult<List<R>> apply(Fn2<A, B, R> f, A a, B b) {
        return requests.apply(f, a, b);
    }

    /**
     * Calls {@code f} on each engine with these arguments (a result among them: its value, from the engine that holds
     * it).
     */
    public <A, B, C, R> AsyncResult<List<R>> apply(Fn3<A, B, C, R> f, A a, B b, C c) {
        return requests.apply(f, a, b, c);
    }

    /** The same as {@link #apply(Fn0)}: ipyparallel's name. */
    public <R> AsyncResult<List<R>> applyAsync(Fn0<R> f) {
        return apply(f);
    }

    /** The same as {@code apply}: ipyparallel's name. */
    public AsyncResult<List<Void>> applyAsync(Action f) {
        return apply(f);
    }

    /** The same as {@code apply}: ipyparallel's name. */
    public <A, R> AsyncResult<List<R>> applyAsync(Fn<A, R> f, A a, NoMore... noMore) {
        return apply(f, a);
    }

    /** The same as {@code apply}: ipyparallel's name. */
    public <A, B, R> AsyncResult<List<R>> applyAsync(Fn2<A, B, R> f, A a, B b) {
        return apply(f, a, b);
    }

    /** The same as {@code apply}: ipyparallel's name. */
    public <A, B, C, R> AsyncResult<List<R>> applyAsync(Fn3<A, B, C, R> f, A a, B b, C c) {
        return apply(f, a, b, c);
    }

    /** Calls {@code f} on each engine and waits for the values, one per engine. */
    public <R> List<R> applySync(Fn0<R> f) {
        return apply(f).get();
    }

    /** Like {@code apply}, waiting: the values, one per engine in target order. */
    public List<Void> applySync(Action f) {
        return apply(f).get();
    }

    /** Like {@code apply}, waiting: the values, one per engine in target order. */
    public <A, R> List<R> applySync(Fn<A, R> f, A a, NoMore... noMore) {
        return apply(f, a).get();
    }

    /** Like {@code apply}, waiting: the values, one per engine in target order. */
    public <A, B, R> List<R> applySync(Fn2<A, B, R> f, A a, B b) {
        return apply(f, a, b).get();
    }

    /** Like {@code apply}, waiting: the values, one per engine in target order. */
    public <A, B, C, R> List<R> applySync(Fn3<A, B, C, R> f, A a, B b, C c) {
        return apply(f, a, b, c).get();
    }

    // ---- a variable of the engines as the argument (ipyparallel's Reference): each engine applies f to its own
    // value of it, which never comes to this client. Type the lambda's parameter.
    //   v.applySync((double[] x) -> Arrays.stream(x).sum(), Reference.to("x"));

    /**
     * Calls {@code f} on each engine with these arguments (a result among them: its value, from the engine that holds
     * it).
     */
    public <A, R> AsyncResult<List<R>> apply(Fn<A, R> f, Reference<? extends A> a) {
        return requests.apply(f, a);
    }

    /** The same as {@code apply}: ipyparallel's name. */
    public <A, R> AsyncResult<List<R>> applyAsync(Fn<A, R> f, Reference<? extends A> a) {
        return apply(f, a);
    }

    /** Like {@code apply}, waiting: the values, one per engine in target order. */
    public <A, R> List<R> applySync(Fn<A, R> f, Reference<? extends A> a) {
        return apply(f, a).get();
    }

    // ---- results as arguments: each engine takes their values from the engines that hold them, never through
    // this client, once the tasks that make them have ended (what ipyparallel cannot do). Type the lambda's
    // parameters: with implicit ones, javac cannot choose between these and the plain overloads.
    //   var table = rc.engine(0).applyAsync(() -> loadTable());
    //   rc.all().applySync((double[] t) -> t.length, table);
    //   rc.all().applySync((double[] t, Integer row) -> t[row], table, rc.engine(1).applyAsync(() -> pickRow()));

    /**
     * Calls {@code f} on each engine with these arguments (a result among them: its value, from the engine that holds
     * it).
     */
    public <A, R> AsyncResult<List<R>> apply(Fn<A, R> f, AsyncResult<? extends A> a) {
        return requests.apply(f, a);
    }

    /** The same as {@code apply}: ipyparallel's name. */
    public <A, R> AsyncResult<List<R>> applyAsync(Fn<A, R> f, AsyncResult<? extends A> a) {
        return apply(f, a);
    }

    /** Like {@code apply}, waiting: the values, one per engine in target order. */
    public <A, R> List<R> applySync(Fn<A, R> f, AsyncResult<? extends A> a) {
        return apply(f, a).get();
    }

    /**
     * Calls {@code f} on each engine with these arguments (a result among them: its value, from the engine that holds
     * it).
     */
    public <A, B, R> AsyncResult<List<R>> apply(Fn2<A, B, R> f, AsyncResult<? extends A> a,
            AsyncResult<? extends B> b) {
        return requests.apply(f, a, b);
    }

    /**
     * Calls {@code f} on each engine with these arguments (a result among them: its value, from the engine that holds
     * it).
     */
    public <A, B, R> AsyncResult<List<R>> apply(Fn2<A, B, R> f, AsyncResult<? extends A> a, B b) {
        return requests.apply(f, a, b);
    }

    /**
     * Calls {@code f} on each engine with these arguments (a result among them: its value, from the engine that holds
     * it).
     */
    public <A, B, R> AsyncResult<List<R>> apply(Fn2<A, B, R> f, A a, AsyncResult<? extends B> b) {
        return requests.apply(f, a, b);
    }

    /**
     * Calls {@code f} on each engine with these arguments (a result among them: its value, from the engine that holds
     * it).
     */
    public <A, B, C, R> AsyncResult<List<R>> apply(Fn3<A, B, C, R> f, AsyncResult<? extends A> a,
            AsyncResult<? extends B> b, AsyncResult<? extends C> c) {
        return requests.apply(f, a, b, c);
    }

    /** The same as {@code apply}: ipyparallel's name. */
    public <A, B, R> AsyncResult<List<R>> applyAsync(Fn2<A, B, R> f, AsyncResult<? extends A> a,
            AsyncResult<? extends B> b) {
        return apply(f, a, b);
    }

    /** The same as {@code apply}: ipyparallel's name. */
    public <A, B, R> AsyncResult<List<R>> applyAsync(Fn2<A, B, R> f, AsyncResult<? extends A> a, B b) {
        return apply(f, a, b);
    }

    /** The same as {@code apply}: ipyparallel's name. */
    public <A, B, R> AsyncResult<List<R>> applyAsync(Fn2<A, B, R> f, A a, AsyncResult<? extends B> b) {
        return apply(f, a, b);
    }

    /** The same as {@code apply}: ipyparallel's name. */
    public <A, B, C, R> AsyncResult<List<R>> applyAsync(Fn3<A, B, C, R> f, AsyncResult<? extends A> a,
            AsyncResult<? extends B> b, AsyncResult<? extends C> c) {
        return apply(f, a, b, c);
    }

    /** Like {@code apply}, waiting: the values, one per engine in target order. */
    public <A, B, R> List<R> applySync(Fn2<A, B, R> f, AsyncResult<? extends A> a, AsyncResult<? extends B> b) {
        return apply(f, a, b).get();
    }

    /** Like {@code apply}, waiting: the values, one per engine in target order. */
    public <A, B, R> List<R> applySync(Fn2<A, B, R> f, AsyncResult<? extends A> a, B b) {
        return apply(f, a, b).get();
    }

    /** Like {@code apply}, waiting: the values, one per engine in target order. */
    public <A, B, R> List<R> applySync(Fn2<A, B, R> f, A a, AsyncResult<? extends B> b) {
        return apply(f, a, b).get();
    }

    /** Like {@code apply}, waiting: the values, one per engine in target order. */
    public <A, B, C, R> List<R> applySync(Fn3<A, B, C, R> f, AsyncResult<? extends A> a, AsyncResult<? extends B> b,
            AsyncResult<? extends C> c) {
        return apply(f, a, b, c).get();
    }

    /** Applies {@code f} to every element, one contiguous chunk per engine; values in sequence order. */
    public <T, R> AsyncMapResult<R> map(Fn<T, R> f, List<? extends T> sequence) {
        return requests.map(new MapChunk<>(f), sequence);
    }

    /** Applies {@code f} to the elements of both sequences pairwise, one chunk per engine. */
    public <A, B, R> AsyncMapResult<R> map(Fn2<A, B, R> f, List<? extends A> as, List<? extends B> bs) {
        return requests.map(new ZipChunk<>(f), as, bs);
    }

    /**
     * Applies {@code f} to the elements of the three sequences at each index, one chunk per engine.
     *
     * <pre>{@code
     * rc.all().mapSync((Double x, Double y, Double z) -> Math.sqrt(x * x + y * y + z * z), xs, ys, zs)
     * }</pre>
     */
    public <A, B, C, R> AsyncMapResult<R> map(Fn3<A, B, C, R> f, List<? extends A> as, List<? extends B> bs,
                                              List<? extends C> cs) {
        return requests.map(new Zip3Chunk<>(f), as, bs, cs);
    }

    /** Like {@code map}, waiting: the values in sequence order. */
    public <T, R> List<R> mapSync(Fn<T, R> f, List<? extends T> sequence) {
        return map(f, sequence).get();
    }

    /** Like {@code map}, waiting: the values in sequence order. */
    public <A, B, R> List<R> mapSync(Fn2<A, B, R> f, List<? extends A> as, List<? extends B> bs) {
        return map(f, as, bs).get();
    }

    /** Like {@code map}, waiting: the values in sequence order. */
    public <A, B, C, R> List<R> mapSync(Fn3<A, B, C, R> f, List<? extends A> as, List<? extends B> bs,
                                        List<? extends C> cs) {
        return map(f, as, bs, cs).get();
    }

    /** Defines each name as a JShell variable on every engine, typed after its value. */
    public AsyncResult<List<Void>> push(Map<String, ?> namespace) {
        return requests.push(namespace);
    }

    /** Like {@link #push}, waiting; shows what the engines said of it, if anything (see {@link View#pushed}). */
    public List<Void> pushSync(Map<String, ?> namespace) {
        return pushed(push(namespace));
    }

    /** Defines {@code name} on every engine and waits: {@code v.put("k", 3)} is ipyparallel's {@code v["k"] = 3}. */
    public void put(String name, Object value) {
        pushSync(Collections.singletonMap(name, value)); // a null value too, as ipyparallel's v["k"] = None
    }

    /** The value of the variable {@code name} on each engine. */
    public <T> AsyncResult<List<T>> pull(String name) {
        return requests.pull(name);
    }

    /** Like {@code pull}, waiting: one value per engine in target order. */
    public <T> List<T> pullSync(String name) {
        return this.<T>pull(name).get();
    }

    /** The values of several variables on each engine, by name. */
    public AsyncResult<List<Map<String, Object>>> pull(List<String> names) {
        return requests.pull(names);
    }

    /** Like {@code pull}, waiting: one value per engine in target order. */
    public List<Map<String, Object>> pullSync(List<String> names) {
        return pull(names).get();
    }

    /** The value of {@code name} on each engine, waiting for it: ipyparallel's {@code v["k"]}. */
    public <T> List<T> get(String name) {
        return pullSync(name);
    }

    /**
     * Cuts {@code sequence} (a {@link List} or an array, primitive arrays included) into one contiguous chunk per
     * engine and defines each chunk as {@code name} on its engine.
     */
    public AsyncResult<List<Void>> scatter(String name, Object sequence) {
        return requests.scatter(name, sequence, false);
    }

    /** Like {@code scatter}, waiting until every engine holds its part. */
    public void scatterSync(String name, Object sequence) {
        scatter(name, sequence).get();
    }

    /**
     * With {@code flatten}, a part of one element is that element itself rather than a list of one (ipyparallel's
     * {@code scatter(..., flatten=True)}): with one element per engine, a seed, an id, a file per engine. Parts of
     * several elements stay lists, as in ipyparallel.
     *
     * <pre>{@code
     * rc.all().scatterSync("seed", List.of(11L, 22L, 33L, 44L), true);   // seed is a Long on each of 4 engines
     * }</pre>
     */
    public AsyncResult<List<Void>> scatter(String name, Object sequence, boolean flatten) {
        return requests.scatter(name, sequence, flatten);
    }

    /** Like {@code scatter}, waiting until every engine holds its part. */
    public void scatterSync(String name, Object sequence, boolean flatten) {
        scatter(name, sequence, flatten).get();
    }

    /** The chunks of {@code name} from each engine, put back together: one list, or one array for arrays. */
    public <T> AsyncResult<T> gather(String name) {
        return requests.gather(name);
    }

    /** Like {@code gather}, waiting: the engines' parts put back together in target order. */
    public <T> T gatherSync(String name) {
        return this.<T>gather(name).get();
    }

    /** Replaces each engine's JShell session with a fresh one: everything defined there is gone. */
    public AsyncResult<List<Void>> clear() {
        return requests.clear();
    }

    /** Like {@link #clear()}, waiting until every engine has cleared its session. */
    public void clearSync() {
        clear().get();
    }

    /** Stops what the engines are running now; their queued requests still run. */
    public void interrupt() {
        requests.interrupt();
    }

    /**
     * Shuts these engines down, the rest of the cluster going on (ipyparallel's {@code rc.shutdown(targets)}); they
     * leave {@link Client#ids()} once their processes have ended. {@link Client#shutdown()} stops the whole cluster.
     *
     * <pre>{@code
     * rc.view(2, 3).shutdown();   // a cluster of 4 goes down to 2
     * }</pre>
     *
     * @throws ClusterException when the cluster has no such engine
     */
    public void shutdown() {
        requests.shutdown();
    }

    /** {@code <DirectView [0, 1, 2, 3]>}, or {@code <DirectView all>} for {@code rc.all()}. */
    @Override
    public String toString() {
        return "<DirectView " + description + ">";
    }

}

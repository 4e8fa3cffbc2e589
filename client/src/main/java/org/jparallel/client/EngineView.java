package org.jparallel.client;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jparallel.repl.ViewActivation;

/**
 * Runs code on one engine: ipyparallel's {@code rc[2]}. Values are that engine's own, not lists, and a
 * failure throws its {@link RemoteError} directly.
 *
 * <pre>{@code
 * var e2 = rc.engine(2);
 * e2.put("k", 21);
 * e2.applySync(() -> ProcessHandle.current().pid());   // 10787
 * e2.executeSync("k * 2");                             // Out[2:5]: 42
 * int k = e2.get("k");                                 // 21
 * }</pre>
 */
public final class EngineView extends View {
    private final int engineId;
    private final DirectRequests requests;
    private final Path connectionFile;

    EngineView(int engineId, DirectRequests requests, Path connectionFile) {
        super(requests.tasks());
        this.engineId = engineId;
        this.requests = requests;
        this.connectionFile = connectionFile;
    }

    /** Makes {@code %px} run on this engine, as ipyparallel's {@code rc[3].activate()}; in a notebook cell. */
    public void activate() {
        activate("");
    }

    /**
     * Makes {@code %px}{@code suffix} and its companions run on this engine, as {@link DirectView#activate(String)}
     * does for several: {@code rc.engine(3).activate("3")} gives {@code %px3}.
     */
    public void activate(String suffix) {
        ViewActivation.inThisCell(connectionFile, List.of(engineId), suffix);
    }

    /** The id of the engine this view sends to. */
    public int engineId() {
        return engineId;
    }

    @Override
    List<Integer> queueTargets() {
        return List.of(engineId);
    }

    /**
     * This engine as an {@link java.util.concurrent.ExecutorService}, whose tasks all run here, one after another.
     *
     * <pre>{@code
     * var onZero = rc.engine(0).executor();
     * onZero.submit(() -> ProcessHandle.current().pid()).get();
     * }</pre>
     */
    public ViewExecutor executor() {
        return new ViewExecutor(requests::apply, toString());
    }

    /** Runs JShell code on the engine; outputs stream to {@link AsyncResult#onOutput} listeners. */
    public AsyncResult<ExecuteReply> execute(String code) {
        return requests.execute(code, false);
    }

    /** Like {@link #execute(String)}, waiting: the engine's reply. */
    public ExecuteReply executeSync(String code) {
        return execute(code).get();
    }

    /** Runs the JShell code of a file on the engine, as {@link DirectView#run(Path)} does on several. */
    public AsyncResult<ExecuteReply> run(Path file) {
        return execute(CodeFile.read(file));
    }

    /** Like {@link #run(Path)}, waiting: the engine's reply. */
    public ExecuteReply runSync(Path file) {
        return run(file).get();
    }

    /**
     * Calls {@code f} on this engine with these arguments (a result among them: its value, from the engine that holds
     * it).
     */
    public <R> AsyncResult<R> apply(Fn0<R> f) {
        return requests.apply(f);
    }

    /**
     * Calls {@code f} on this engine with these arguments (a result among them: its value, from the engine that holds
     * it).
     */
    public AsyncResult<Void> apply(Action f) {
        return requests.apply(f);
    }

    /**
     * Calls {@code f} on this engine with these arguments (a result among them: its value, from the engine that holds
     * it).
     */
    public <A, R> AsyncResult<R> apply(Fn<A, R> f, A a, NoMore... noMore) {
        return requests.apply(f, a);
    }

    /**
     * Calls {@code f} on this engine with these arguments (a result among them: its value, from the engine that holds
     * it).
     */
    public <A, B, R> AsyncResult<R> apply(Fn2<A, B, R> f, A a, B b) {
        return requests.apply(f, a, b);
    }

    /**
     * Calls {@code f} on this engine with these arguments (a result among them: its value, from the engine that holds
     * it).
     */
    public <A, B, C, R> AsyncResult<R> apply(Fn3<A, B, C, R> f, A a, B b, C c) {
        return requests.apply(f, a, b, c);
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

    // ---- a variable of the engine as the argument (ipyparallel's Reference); type the lambda's parameter.
    //   rc.engine(0).applySync((double[] x) -> x.length, Reference.to("x"));

    /**
     * Calls {@code f} on this engine with these arguments (a result among them: its value, from the engine that holds
     * it).
     */
    public <A, R> AsyncResult<R> apply(Fn<A, R> f, Reference<? extends A> a) {
        return requests.apply(f, a);
    }

    /** The same as {@code apply}: ipyparallel's name. */
    public <A, R> AsyncResult<R> applyAsync(Fn<A, R> f, Reference<? extends A> a) {
        return apply(f, a);
    }

    /** Like {@code apply}, waiting: the value. */
    public <A, R> R applySync(Fn<A, R> f, Reference<? extends A> a) {
        return apply(f, a).get();
    }

    // ---- results as arguments: their values come from the engines that hold them, never through this client, once
    // the tasks that make them have ended. Type the lambda's parameters.
    //   rc.engine(1).applySync((double[] t) -> t.length, rc.engine(0).applyAsync(() -> loadTable()));

    /**
     * Calls {@code f} on this engine with these arguments (a result among them: its value, from the engine that holds
     * it).
     */
    public <A, R> AsyncResult<R> apply(Fn<A, R> f, AsyncResult<? extends A> a) {
        return requests.apply(f, a);
    }

    /** The same as {@code apply}: ipyparallel's name. */
    public <A, R> AsyncResult<R> applyAsync(Fn<A, R> f, AsyncResult<? extends A> a) {
        return apply(f, a);
    }

    /** Like {@code apply}, waiting: the value. */
    public <A, R> R applySync(Fn<A, R> f, AsyncResult<? extends A> a) {
        return apply(f, a).get();
    }

    /**
     * Calls {@code f} on this engine with these arguments (a result among them: its value, from the engine that holds
     * it).
     */
    public <A, B, R> AsyncResult<R> apply(Fn2<A, B, R> f, AsyncResult<? extends A> a, AsyncResult<? extends B> b) {
        return requests.apply(f, a, b);
    }

    /**
     * Calls {@code f} on this engine with these arguments (a result among them: its value, from the engine that holds
     * it).
     */
    public <A, B, R> AsyncResult<R> apply(Fn2<A, B, R> f, AsyncResult<? extends A> a, B b) {
        return requests.apply(f, a, b);
    }

    /**
     * Calls {@code f} on this engine with these arguments (a result among them: its value, from the engine that holds
     * it).
     */
    public <A, B, R> AsyncResult<R> apply(Fn2<A, B, R> f, A a, AsyncResult<? extends B> b) {
        return requests.apply(f, a, b);
    }

    /**
     * Calls {@code f} on this engine with these arguments (a result among them: its value, from the engine that holds
     * it).
     */
    public <A, B, C, R> AsyncResult<R> apply(Fn3<A, B, C, R> f, AsyncResult<? extends A> a, AsyncResult<? extends B> b,
            AsyncResult<? extends C> c) {
        return requests.apply(f, a, b, c);
    }

    /** The same as {@code apply}: ipyparallel's name. */
    public <A, B, R> AsyncResult<R> applyAsync(Fn2<A, B, R> f, AsyncResult<? extends A> a, AsyncResult<? extends B> b) {
        return apply(f, a, b);
    }

    /** The same as {@code apply}: ipyparallel's name. */
    public <A, B, R> AsyncResult<R> applyAsync(Fn2<A, B, R> f, AsyncResult<? extends A> a, B b) {
        return apply(f, a, b);
    }

    /** The same as {@code apply}: ipyparallel's name. */
    public <A, B, R> AsyncResult<R> applyAsync(Fn2<A, B, R> f, A a, AsyncResult<? extends B> b) {
        return apply(f, a, b);
    }

    /** The same as {@code apply}: ipyparallel's name. */
    public <A, B, C, R> AsyncResult<R> applyAsync(Fn3<A, B, C, R> f, AsyncResult<? extends A> a,
            AsyncResult<? extends B> b, AsyncResult<? extends C> c) {
        return apply(f, a, b, c);
    }

    /** Like {@code apply}, waiting: the value. */
    public <A, B, R> R applySync(Fn2<A, B, R> f, AsyncResult<? extends A> a, AsyncResult<? extends B> b) {
        return apply(f, a, b).get();
    }

    /** Like {@code apply}, waiting: the value. */
    public <A, B, R> R applySync(Fn2<A, B, R> f, AsyncResult<? extends A> a, B b) {
        return apply(f, a, b).get();
    }

    /** Like {@code apply}, waiting: the value. */
    public <A, B, R> R applySync(Fn2<A, B, R> f, A a, AsyncResult<? extends B> b) {
        return apply(f, a, b).get();
    }

    /** Like {@code apply}, waiting: the value. */
    public <A, B, C, R> R applySync(Fn3<A, B, C, R> f, AsyncResult<? extends A> a, AsyncResult<? extends B> b,
            AsyncResult<? extends C> c) {
        return apply(f, a, b, c).get();
    }

    /** Applies {@code f} to every element on this one engine. */
    public <T, R> AsyncMapResult<R> map(Fn<T, R> f, List<? extends T> sequence) {
        return requests.map(new MapChunk<>(f), sequence);
    }

    /** Like {@code map}, waiting: the values in sequence order. */
    public <T, R> List<R> mapSync(Fn<T, R> f, List<? extends T> sequence) {
        return map(f, sequence).get();
    }

    /** Defines each name as a JShell variable on the engine, typed after its value. */
    public AsyncResult<Void> push(Map<String, ?> namespace) {
        return requests.push(namespace);
    }

    /** Like {@link #push}, waiting; shows what the engine said of it, if anything (see {@link View#pushed}). */
    public void pushSync(Map<String, ?> namespace) {
        pushed(push(namespace));
    }

    /** Defines {@code name} on the engine and waits: {@code e.put("k", 3)} is ipyparallel's {@code e["k"] = 3}. */
    public void put(String name, Object value) {
        pushSync(Collections.singletonMap(name, value)); // a null value too, as ipyparallel's v["k"] = None
    }

    /** The value of the engine's variable(s) of that name. */
    public <T> AsyncResult<T> pull(String name) {
        return requests.pull(name);
    }

    /** Like {@code pull}, waiting: the value. */
    public <T> T pullSync(String name) {
        return this.<T>pull(name).get();
    }

    /** The value of the engine's variable(s) of that name. */
    public AsyncResult<Map<String, Object>> pull(List<String> names) {
        return requests.pull(names);
    }

    /** Like {@code pull}, waiting: the value. */
    public Map<String, Object> pullSync(List<String> names) {
        return pull(names).get();
    }

    /** The value of the engine's variable {@code name}, waiting for it. */
    public <T> T get(String name) {
        return pullSync(name);
    }

    /** Replaces the engine's JShell session with a fresh one. */
    public AsyncResult<Void> clear() {
        return requests.clear();
    }

    /** Like {@code clear}, waiting until the engine has cleared its session. */
    public void clearSync() {
        clear().get();
    }

    /** Stops what the engine is running now. */
    public void interrupt() {
        requests.interrupt();
    }

    /** Shuts this engine down, the rest of the cluster going on, as {@link DirectView#shutdown()} does. */
    public void shutdown() {
        requests.shutdown();
    }

    @Override
    public String toString() {
        return "<EngineView " + engineId + ">";
    }

}

package org.jparallel.client;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A view as an {@link ExecutorService}, ipyparallel's {@code view.executor}: tasks go where the view sends them
 * (the least loaded engine for {@link LoadBalancedView#executor()}, one engine for {@link EngineView#executor()}),
 * and their futures keep {@link java.util.concurrent.Future}'s contract ({@link TaskFuture}: a failure comes as an
 * {@code ExecutionException} whose cause is the {@link RemoteError}). Code written for an executor runs on the
 * cluster unchanged, as long as its tasks can travel: cells compile every lambda serializable; in a program, a
 * lambda typed straight into {@code submit} or {@code execute} of a variable declared {@code var} (or
 * {@code ViewExecutor}, not {@code ExecutorService}) compiles as a serializable {@link Fn0} or
 * {@link RemoteRunnable}, and a {@code Callable} or {@code Runnable} that is not {@code Serializable} is refused at
 * once, with the reason. A lambda's result and what it captures travel by value, as with a view's {@code apply}.
 *
 * <p>Shutting the executor down stops it taking tasks, not the cluster: the client and its views go on.
 *
 * <pre>{@code
 * try (var executor = rc.executor()) {
 *     Future<Long> pid = executor.submit(() -> ProcessHandle.current().pid());
 *     executor.execute(() -> System.out.println("on an engine"));   // printed there, not here
 *     List<Future<Integer>> squares = executor.invokeAll(List.<Fn0<Integer>>of(() -> 1, () -> 4, () -> 9));
 *     int first = executor.invokeAny(List.<Fn0<Integer>>of(() -> slowWay(), () -> fastWay()));
 * }   // waits for what was submitted
 * }</pre>
 */
public final class ViewExecutor implements ExecutorService, AutoCloseable {
    private final FunctionSender sender;
    private final String view;
    private final Object lock = new Object();
    private final Set<AsyncResult<?>> unfinished = ConcurrentHashMap.newKeySet();
    private int submitting;
    private boolean shutdown;

    /** Sends one function of no argument where the view sends its tasks. */
    @FunctionalInterface
    interface FunctionSender {
        AsyncResult<Object> send(RemoteFunction function);
    }

    ViewExecutor(FunctionSender sender, String view) {
        this.sender = sender;
        this.view = view;
    }

    /** Runs {@code task} on an engine; the future's value is what it returns. */
    public <T> TaskFuture<T> submit(Fn0<T> task) {
        return new TaskFuture<>(send(task));
    }

    /**
     * Runs {@code task}, which must be {@code Serializable}: a lambda typed straight into this call is (it becomes
     * an {@link Fn0}); one kept in a {@code Callable} variable first is not, so declare that variable {@code Fn0}.
     *
     * @throws IllegalArgumentException when the task is not serializable
     */
    @Override
    public <T> TaskFuture<T> submit(Callable<T> task) {
        return new TaskFuture<>(send(remote(task, "task")));
    }

    /** Runs {@code task} on an engine; the future's value is {@code null}. */
    public TaskFuture<Void> submit(RemoteRunnable task) {
        return new TaskFuture<>(send(task));
    }

    /**
     * Runs {@code task}, which must be {@code Serializable} (see {@link #submit(Callable)}); the future's value is
     * {@code null}.
     */
    @Override
    public TaskFuture<?> submit(Runnable task) {
        return new TaskFuture<>(send(remote(task, "task")));
    }

    /** Runs {@code task}, which must be {@code Serializable}; the future's value is {@code result}, once it ran. */
    @Override
    public <T> Future<T> submit(Runnable task, T result) {
        return new GivenResult<>(submit(task), result);
    }

    /**
     * Runs {@code task} on an engine. Nothing waits for it: a failure is printed on {@code System.err}, as a
     * thread pool's uncaught exceptions are.
     */
    public void execute(RemoteRunnable task) {
        reportFailure(submit(task).asyncResult());
    }

    @Override
    public void execute(Runnable task) {
        reportFailure(submit(task).asyncResult());
    }

    private void reportFailure(AsyncResult<?> result) {
        result.toCompletableFuture().whenComplete((value, failure) -> {
            if (failure != null) {
                Throwable reason = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                System.err.println("A task executed by " + this + " failed: " + reason);
            }
        });
    }

    /**
     * Runs every task and waits until all are done; each must be {@code Serializable}. Tasks typed straight into
     * {@code List.of(…)} are {@code Callable}s, which are not: write {@code List.<Fn0<Integer>>of(() -> 1, …)}.
     *
     * @throws IllegalArgumentException naming the first task that is not serializable, before any is sent
     */
    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks) throws InterruptedException {
        return invokeAll(tasks, Long.MAX_VALUE, TimeUnit.NANOSECONDS);
    }

    /** As {@link #invokeAll(Collection)}, cancelling the tasks not done after {@code timeout}. */
    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
            throws InterruptedException {
        List<AsyncResult<T>> results = sendAll(tasks);
        long deadline = deadline(timeout, unit);
        try {
            for (AsyncResult<T> result : results) {
                if (!await(result, deadline)) {
                    results.forEach(r -> r.cancel(true));
                    break;
                }
            }
        } catch (InterruptedException e) {
            results.forEach(r -> r.cancel(true));
            throw e;
        }
        List<Future<T>> futures = new ArrayList<>(results.size());
        results.forEach(result -> futures.add(new TaskFuture<>(result)));
        return futures;
    }

    /**
     * Runs every task and returns the value of the first to succeed, cancelling the others; each must be
     * {@code Serializable} (see {@link #invokeAll(Collection)}).
     *
     * @throws ExecutionException with the last failure as its cause when every task failed
     */
    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
        try {
            return invokeAny(tasks, Long.MAX_VALUE, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no deadline was given", e);
        }
    }

    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("invokeAny needs at least one task");
        }
        List<AsyncResult<T>> results = sendAll(tasks);
        BlockingQueue<AsyncResult<T>> done = new LinkedBlockingQueue<>();
        results.forEach(result -> result.onDone(() -> done.add(result)));
        long deadline = deadline(timeout, unit);
        try {
            RuntimeException lastFailure = null;
            for (int answered = 0; answered < results.size(); answered++) {
                AsyncResult<T> next = done.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (next == null) {
                    throw new TimeoutException("no task of invokeAny succeeded within "
                            + unit.toMillis(timeout) / 1000.0 + " s; all are cancelled");
                }
                if (next.isCancelled()) {
                    throw new CancellationException("the tasks of invokeAny were cancelled");
                }
                try {
                    return next.get();
                } catch (RuntimeException failure) {
                    lastFailure = failure;
                }
            }
            throw new ExecutionException("every task of invokeAny failed; the last failure is the cause", lastFailure);
        } finally {
            results.forEach(result -> result.cancel(true));
        }
    }

    private <T> List<AsyncResult<T>> sendAll(Collection<? extends Callable<T>> tasks) {
        List<RemoteFunction> functions = new ArrayList<>();
        int index = 0;
        for (Callable<T> task : tasks) {
            functions.add(remote(task, "tasks[" + index++ + "]"));
        }
        List<AsyncResult<T>> results = new ArrayList<>();
        for (RemoteFunction function : functions) {
            results.add(send(function));
        }
        return results;
    }

    private static long deadline(long timeout, TimeUnit unit) {
        long nanos = unit.toNanos(timeout);
        return nanos >= Long.MAX_VALUE / 2 ? Long.MAX_VALUE : System.nanoTime() + nanos;
    }

    /** Waits for the result until the deadline; whether it is done. */
    private static boolean await(AsyncResult<?> result, long deadline) throws InterruptedException {
        try {
            while (true) {
                long left = deadline == Long.MAX_VALUE ? TimeUnit.DAYS.toNanos(1) : deadline - System.nanoTime();
                if (result.waitFor(Duration.ofNanos(Math.max(0, left)))) {
                    return true;
                }
                if (deadline != Long.MAX_VALUE) {
                    return false;
                }
            }
        } catch (CancellationException e) {
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting for " + result);
            }
            throw e;
        }
    }

    @SuppressWarnings("unchecked")
    private <T> AsyncResult<T> send(RemoteFunction function) {
        synchronized (lock) {
            if (shutdown) {
                throw new RejectedExecutionException(this + " is shut down: make another with executor()");
            }
            submitting++;
        }
        AsyncResult<T> result = null;
        try {
            result = (AsyncResult<T>) sender.send(function);
            return result;
        } finally {
            synchronized (lock) {
                submitting--;
                if (result != null) {
                    unfinished.add(result);
                }
                lock.notifyAll();
            }
            if (result != null) {
                AsyncResult<T> sent = result;
                sent.onDone(() -> finished(sent));
            }
        }
    }

    private void finished(AsyncResult<?> result) {
        synchronized (lock) {
            unfinished.remove(result);
            lock.notifyAll();
        }
    }

    /** The task as a function an engine can call, or why it cannot be one. */
    private static RemoteFunction remote(Object task, String where) {
        if (task instanceof RemoteFunction function) {
            return function;
        }
        if (!(task instanceof Serializable)) {
            boolean callable = task instanceof Callable;
            String what = task.getClass().isSynthetic() ? "a lambda typed as " + (callable ? "Callable" : "Runnable")
                    : task.getClass().getName();
            throw new IllegalArgumentException(where + " (" + what + ") cannot travel to an engine: it is not "
                    + "Serializable. A lambda typed into submit or execute of a ViewExecutor (declare the executor "
                    + "var, not ExecutorService) is; for one kept in a variable or a list first, declare that "
                    + (callable ? "Fn0<T>" : "RemoteRunnable") + " (List.<Fn0<T>>of(...) for invokeAll).");
        }
        return new SerializableTask(task);
    }

    /** Takes no more tasks; those submitted go on. The cluster and the view are not touched. */
    @Override
    public void shutdown() {
        synchronized (lock) {
            shutdown = true;
            lock.notifyAll();
        }
    }

    /**
     * Takes no more tasks, aborts those still queued and interrupts those running (as an interrupt stops a cell:
     * the engines keep their state). Their futures answer as the cluster does: those that never started fail with
     * {@link TaskAbortedError}, the others with what the interrupt made of them.
     *
     * @return an empty list, as {@code ForkJoinPool}'s: which tasks had not started is known only once the cluster
     *         answers, so look at their futures (or {@link #awaitTermination} first)
     */
    @Override
    public List<Runnable> shutdownNow() {
        shutdown();
        // Every queued task marked aborted before any running one is interrupted: an engine whose task ends at
        // the interrupt takes the next one at once, which an abort sent after the interrupt would come too late for.
        List<AsyncResult<?>> tasks = List.copyOf(unfinished);
        tasks.forEach(result -> result.abort(false));
        tasks.forEach(result -> result.abort(true));
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        synchronized (lock) {
            return shutdown;
        }
    }

    /** Whether it is shut down and every task it ran has finished. */
    @Override
    public boolean isTerminated() {
        synchronized (lock) {
            return shutdown && submitting == 0 && unfinished.isEmpty();
        }
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = deadline(timeout, unit);
        synchronized (lock) {
            while (!(shutdown && submitting == 0 && unfinished.isEmpty())) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return true;
        }
    }

    /**
     * Shuts down and waits until every task has finished; interrupted, it stops them as {@link #shutdownNow()}
     * does. (JDK 19's {@code ExecutorService.close()}, also on JDK 17.)
     */
    @Override
    public void close() {
        shutdown();
        try {
            while (!awaitTermination(1, TimeUnit.DAYS)) {
                // a task may run for days
            }
        } catch (InterruptedException e) {
            shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** {@code <ViewExecutor on <LoadBalancedView …>: 3 unfinished>}. */
    @Override
    public String toString() {
        return "<ViewExecutor on " + view + ": " + (isShutdown() ? "shut down, " : "") + unfinished.size()
                + " unfinished>";
    }

    /** A {@code Callable} or {@code Runnable} given as the JDK's types, and serializable: runs it on the engine. */
    record SerializableTask(Object task) implements RemoteFunction {
        @Override
        public Object invoke(Object[] args) throws Exception {
            Arity.check(args, 0);
            if (task instanceof Callable<?> callable) {
                return callable.call();
            }
            ((Runnable) task).run();
            return null;
        }
    }

    /** The future of {@code submit(Runnable, T)}: done when the task is, with the value given at submission. */
    private record GivenResult<T>(TaskFuture<?> run, T result) implements Future<T> {
        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return run.cancel(mayInterruptIfRunning);
        }

        @Override
        public boolean isCancelled() {
            return run.isCancelled();
        }

        @Override
        public boolean isDone() {
            return run.isDone();
        }

        @Override
        public T get() throws InterruptedException, ExecutionException {
            run.get();
            return result;
        }

        @Override
        public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
            run.get(timeout, unit);
            return result;
        }
    }
}

package org.jparallel.client;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The future of a task given to a {@link ViewExecutor}, with {@link Future}'s contract: {@code get()} throws an
 * {@link ExecutionException} whose cause is the task's failure ({@link RemoteError}, {@link EngineError}, …), and
 * {@link InterruptedException} when the waiting thread is interrupted, as a thread pool's futures do; so code
 * written for an {@code ExecutorService} catches what it always caught. ({@link AsyncResult#get()}, which views
 * return, throws the failure itself, as ipyparallel's {@code get()} raises it.) {@link #asyncResult()} has the rest:
 * the task's output, engine and times.
 *
 * <pre>{@code
 * Future<Integer> answer = rc.executor().submit(() -> 6 * 7);
 * try {
 *     answer.get();
 * } catch (ExecutionException e) {
 *     RemoteError onEngine = (RemoteError) e.getCause();
 * }
 * }</pre>
 *
 * @param <T> the task's value
 */
public final class TaskFuture<T> implements Future<T> {
    private final AsyncResult<T> result;

    TaskFuture(AsyncResult<T> result) {
        this.result = result;
    }

    /** The task's result as the views give it: its stdout, engine, times, and a {@code get()} that throws plainly. */
    public AsyncResult<T> asyncResult() {
        return result;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        return result.cancel(mayInterruptIfRunning);
    }

    @Override
    public boolean isCancelled() {
        return result.isCancelled();
    }

    @Override
    public boolean isDone() {
        return result.isDone();
    }

    @Override
    public T get() throws InterruptedException, ExecutionException {
        try {
            return result.get();
        } catch (RuntimeException e) {
            throw asFutureFailure(e);
        }
    }

    @Override
    public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        try {
            return result.get(timeout, unit);
        } catch (RuntimeException e) {
            throw asFutureFailure(e);
        }
    }

    /** What {@code AsyncResult.get} threw, as {@code Future.get} throws it: a failure of the task to wrap. */
    private static ExecutionException asFutureFailure(RuntimeException e) throws InterruptedException {
        if (e instanceof CancellationException cancelled) {
            if (Thread.interrupted()) { // the wait was interrupted; the task goes on, as a pool's would
                InterruptedException interrupted = new InterruptedException(cancelled.getMessage());
                interrupted.initCause(cancelled);
                throw interrupted;
            }
            throw cancelled;
        }
        return new ExecutionException(e.getMessage(), e);
    }

    @Override
    public String toString() {
        return result.toString();
    }
}

package org.jparallel.client;

/**
 * A {@link Runnable} that can run on an engine: what a lambda typed into {@link ViewExecutor#execute} or
 * {@link ViewExecutor#submit(RemoteRunnable)} becomes. Like any {@code Runnable} it throws no checked exception;
 * code that does is a {@link Fn0} returning something, or an {@link Action} given to a view's {@code apply}.
 *
 * <pre>{@code
 * var executor = rc.executor();
 * executor.execute(() -> System.out.println("on an engine"));   // printed there, not here
 * RemoteRunnable warmUp = () -> Model.load();
 * executor.submit(warmUp).get();
 * }</pre>
 */
@FunctionalInterface
public interface RemoteRunnable extends Runnable, RemoteFunction {
    @Override
    default Object invoke(Object[] args) {
        Arity.check(args, 0);
        run();
        return null;
    }
}

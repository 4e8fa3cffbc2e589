package org.jparallel.client;

import java.util.concurrent.Callable;

/**
 * A function of no argument that can run on an engine: a serializable {@code Callable}.
 *
 * <pre>{@code
 * AsyncResult<List<Long>> pids = rc.all().apply(() -> ProcessHandle.current().pid());
 * }</pre>
 *
 * @param <R> what it returns
 */
@FunctionalInterface
public interface Fn0<R> extends RemoteFunction, Callable<R> {
    @Override
    R call() throws Exception;

    @Override
    default Object invoke(Object[] args) throws Exception {
        Arity.check(args, 0);
        return call();
    }
}

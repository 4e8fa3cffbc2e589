package org.jparallel.client;

/**
 * Code of no argument and no result that can run on an engine; its value on the client is {@code null}.
 *
 * <pre>{@code
 * rc.all().applySync(() -> System.gc());
 * }</pre>
 */
@FunctionalInterface
public interface Action extends RemoteFunction {
    void run() throws Exception;

    @Override
    default Object invoke(Object[] args) throws Exception {
        Arity.check(args, 0);
        run();
        return null;
    }
}

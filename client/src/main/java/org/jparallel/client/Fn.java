package org.jparallel.client;

/**
 * A function of one argument that can run on an engine; what {@code map} applies to each element.
 *
 * <pre>{@code
 * List<Integer> squares = rc.all().mapSync(x -> x * x, range(10));
 * }</pre>
 *
 * @param <T> its argument
 * @param <R> what it returns
 */
@FunctionalInterface
public interface Fn<T, R> extends RemoteFunction {
    R apply(T t) throws Exception;

    @Override
    @SuppressWarnings("unchecked")
    default Object invoke(Object[] args) throws Exception {
        Arity.check(args, 1);
        return apply((T) args[0]);
    }
}

package org.jparallel.client;

/**
 * A function of two arguments that can run on an engine.
 *
 * <pre>{@code
 * List<Integer> sums = rc.all().mapSync((a, b) -> a + b, range(4), range(10, 14));   // [10, 12, 14, 16]
 * }</pre>
 *
 * @param <A> its first argument
 * @param <B> its second argument
 * @param <R> what it returns
 */
@FunctionalInterface
public interface Fn2<A, B, R> extends RemoteFunction {
    R apply(A a, B b) throws Exception;

    @Override
    @SuppressWarnings("unchecked")
    default Object invoke(Object[] args) throws Exception {
        Arity.check(args, 2);
        return apply((A) args[0], (B) args[1]);
    }
}

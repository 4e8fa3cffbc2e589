package org.jparallel.client;

/**
 * A function of three arguments that can run on an engine.
 *
 * <pre>{@code
 * List<Double> r = rc.all().applySync((a, b, c) -> a * b + c, 2.0, 3.0, 1.0);   // 7.0 from each engine
 * }</pre>
 *
 * @param <A> its first argument
 * @param <B> its second argument
 * @param <C> its third argument
 * @param <R> what it returns
 */
@FunctionalInterface
public interface Fn3<A, B, C, R> extends RemoteFunction {
    R apply(A a, B b, C c) throws Exception;

    @Override
    @SuppressWarnings("unchecked")
    default Object invoke(Object[] args) throws Exception {
        Arity.check(args, 3);
        return apply((A) args[0], (B) args[1], (C) args[2]);
    }
}

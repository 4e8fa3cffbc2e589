package org.jparallel.client;

import java.io.Serializable;

/**
 * What every function sent to engines is: serializable, and callable with its arguments as an array.
 *
 * <p>Users never implement this directly: they write lambdas whose target is {@link Fn0}, {@link Fn},
 * {@link Fn2}, {@link Fn3} or {@link Action}, each of which implements {@link #invoke} by default. An engine
 * decodes the function of an {@code apply_request} and calls {@code invoke} with the decoded arguments.
 *
 * <pre>{@code
 * RemoteFunction f = (Fn<Integer, Integer>) x -> x * x;
 * Object nine = f.invoke(new Object[] {3});
 * }</pre>
 */
public interface RemoteFunction extends Serializable {
    /** Calls the function with these arguments, as many as it takes. */
    Object invoke(Object[] args) throws Exception;
}

package org.jparallel.client;

/**
 * No value: the type of the empty last parameter of the views' one-argument {@code apply} methods
 * ({@code applyAsync(Fn<A, R> f, A a, NoMore... noMore)}). Leave it out; nothing can be passed for it.
 *
 * <p>It lets a lambda whose parameter is not typed take a result's value:
 *
 * <pre>{@code
 * var arB = lv.applyAsync(() -> new double[] {1, 2, 3});
 * lv.applyAsync(a -> sum(a), arB);         // a is the double[] that arB's task returned
 * lv.applyAsync(x -> x * 2, 21);           // a plain value, as before
 * }</pre>
 *
 * Java's overload resolution finds {@code applyAsync(Fn<A, R>, A)} and {@code applyAsync(Fn<A, R>,
 * AsyncResult<? extends A>)} equally fit for {@code (a -> sum(a), arB)}, and refuses the call as ambiguous. It looks
 * at a method with a variable number of arguments only when no other fits, so with this parameter the plain
 * value's method gives way to the {@code AsyncResult}'s (and to the {@code Reference}'s) wherever those fit.
 */
public final class NoMore {
    private NoMore() {
    }
}

package org.jparallel.repl;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.function.Consumer;

/**
 * Runs a snippet's wrapper method for JShell's local execution and hides its value from JShell. JShell turns
 * the value into a string after the snippet ends ({@code toString}), outside the snippet's error handling, so a
 * {@code toString} that threw failed JShell itself ("cannot run … again"). The session reads the object from its
 * variable instead ({@link Variables}), and the kernel renders it where a failure is the cell's error.
 *
 * <p>JShell runs the method it is given on a thread it starts for the snippet, so the wrapper method to call
 * travels there as an inheritable thread local, taken off again at once so that user threads do not inherit it.
 */
final class ValuelessInvocation {
    /** The wrapper to call, and whom to tell which thread JShell runs it on (it may throw to stop it there). */
    private record Call(Method wrapper, Consumer<Thread> snippetThread) {
    }

    private static final InheritableThreadLocal<Call> WRAPPER = new InheritableThreadLocal<>();
    private static final Method RUN;

    static {
        try {
            RUN = ValuelessInvocation.class.getDeclaredMethod("run");
            RUN.setAccessible(true); // JShell's code calls it
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private ValuelessInvocation() {
    }

    /**
     * What to give JShell's {@code invoke(Method)} in place of {@code wrapper}, until {@link #done()};
     * {@code snippetThread} hears the thread JShell runs it on before the wrapper runs, and may throw
     * {@code ThreadDeath} there to stop the snippet before it starts.
     */
    static Method of(Method wrapper, Consumer<Thread> snippetThread) {
        WRAPPER.set(new Call(wrapper, snippetThread));
        return RUN;
    }

    /** Forgets the wrapper on the thread that called {@link #of}. */
    static void done() {
        WRAPPER.remove();
    }

    /** Calls the wrapper on JShell's snippet thread; what it throws comes out as it was thrown. */
    private static Object run() throws Throwable {
        Call call = WRAPPER.get();
        WRAPPER.remove();
        call.snippetThread().accept(Thread.currentThread());
        try {
            call.wrapper().invoke(null);
            return null;
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}

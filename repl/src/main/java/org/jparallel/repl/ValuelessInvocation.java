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
    /** The wrapper to call, and where to say which thread group JShell runs it in. */
    private record Call(Method wrapper, Consumer<ThreadGroup> snippetGroup) {
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
     * {@code snippetGroup} hears the thread group of the thread JShell runs it on (the threads its stop ends).
     */
    static Method of(Method wrapper, Consumer<ThreadGroup> snippetGroup) {
        WRAPPER.set(new Call(wrapper, snippetGroup));
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
        call.snippetGroup().accept(Thread.currentThread().getThreadGroup());
        try {
            call.wrapper().invoke(null);
            return null;
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}

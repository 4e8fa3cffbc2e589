package org.jparallel.client.values;

import java.util.Arrays;
import java.util.Map;

/**
 * What the stop checks woven into shipped classes ask ({@code org.jparallel.repl.StopChecks}): whether the engine was
 * asked to stop the function it runs. Public because woven code, defined by other class loaders, calls
 * {@link #check()}.
 *
 * <p>The flag is the JVM's, as JShell's own stop flag for snippets is: woven code reaches it through a static
 * call, from whichever loader defined it. An engine runs one function at a time and lowers the flag once that
 * function has ended.
 */
public final class TaskStop {
    /** Whether shipped classes carry stop checks here: {@code Thread.stop} throws from JDK 20 on. */
    static final boolean WOVEN = Runtime.version().feature() >= 20;
    /** The class woven code calls: this one. */
    static final String CHECKS = TaskStop.class.getName().replace('.', '/');

    private static volatile boolean stopping;

    private TaskStop() {
    }

    /** Called by woven code at every method's start and before every backward branch. */
    public static void check() {
        if (stopping) {
            throw new Stopped();
        }
    }

    /**
     * Makes shipped code, wherever it runs in this JVM, throw {@link Stopped} at its next check; false where
     * shipped code carries no checks (before JDK 20, where {@code Thread.stop} is the way).
     */
    public static boolean stopShippedCode() {
        stopping = true;
        return WOVEN;
    }

    /** Lets shipped code run again: once the function that was stopped has ended. */
    public static void resume() {
        stopping = false;
    }

    /** Whether shipped code was told to stop, and carries the checks that heed it. */
    public static boolean stopsShippedCode() {
        return WOVEN && stopping;
    }

    /**
     * Whether a thread other than the caller still runs shipped code: a stopped function's other threads (a parallel
     * stream's workers) stop at their next check only once they are scheduled, which on a busy machine is after the
     * function itself has ended.
     */
    public static boolean runsElsewhere() {
        Thread self = Thread.currentThread();
        for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
            if (thread.getKey() != self && Arrays.stream(thread.getValue()).anyMatch(TaskStop::shipped)) {
                return true;
            }
        }
        return false;
    }

    /** A frame of a class a client shipped, or of a copy of one made here ({@link HomeWrapper}). */
    private static boolean shipped(StackTraceElement frame) {
        String loader = frame.getClassLoaderName();
        return loader != null && loader.startsWith(ShippedClassLoader.NAME_PREFIX)
                || frame.getClassName().startsWith("REPL.") && frame.getClassName().contains(HomeWrapper.COPY_MARK);
    }

    /**
     * Thrown into shipped code that was stopped. An {@code Error}, as JShell's {@code ThreadDeath} was, so that a
     * function's {@code catch (Exception e)} does not swallow it.
     */
    public static final class Stopped extends Error {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super("the function was stopped by an interrupt", null, false, false);
        }
    }
}

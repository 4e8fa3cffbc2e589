package org.jparallel.repl;

/**
 * What a thread that ends by an uncaught exception prints, as the JDK's default does, but nothing for a
 * {@code ThreadDeath}: a stop of a cell ends the threads it started that way (the woven stop checks from JDK 20 on),
 * and up to JDK 19 the JDK said nothing of it. From JDK 20 it prints the trace, so a cell's virtual thread
 * stopped with it showed "Exception in thread "" java.lang.ThreadDeath" after the cell's "Interrupted".
 */
public final class QuietThreadDeath implements Thread.UncaughtExceptionHandler {

    /** Makes this the JVM's default handler, unless the program set one: for a process's {@code main}. */
    public static void install() {
        if (Thread.getDefaultUncaughtExceptionHandler() == null) {
            Thread.setDefaultUncaughtExceptionHandler(new QuietThreadDeath());
        }
    }

    @Override
    @SuppressWarnings({"deprecation", "removal"})
    public void uncaughtException(Thread thread, Throwable thrown) {
        if (thrown instanceof ThreadDeath) {
            return;
        }
        System.err.print("Exception in thread \"" + thread.getName() + "\" ");
        thrown.printStackTrace(System.err);
    }
}

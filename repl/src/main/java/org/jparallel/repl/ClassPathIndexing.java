package org.jparallel.repl;

import java.lang.reflect.Field;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Switches off JShell's class path index in this JVM, for processes that never complete code.
 *
 * <p>As soon as a session's {@code sourceCodeAnalysis()} exists (and sessions need it to split a
 * cell into snippets), JShell indexes every class and package of the JDK's modules and of the class
 * path in a background thread, for completion and import suggestions, and keeps that index for
 * the life of the JVM: 17 MB of live heap with jparallel's jar on the class path. Cell splitting
 * ({@code analyzeCompletion}) does not use it; completion of package names and
 * {@code listQualifiedNames} find nothing without it.
 *
 * <p>JShell runs the indexing on one static, private executor, so this occupies that executor's only
 * thread with a loop that takes each indexing task off its queue and cancels it unrun (a task left
 * queued would keep its session reachable). That needs {@code --add-opens
 * jdk.jshell/jdk.jshell=ALL-UNNAMED}; without it, or on a JDK whose JShell is built otherwise,
 * nothing changes and indexing runs as usual.
 *
 * <pre>{@code
 * ClassPathIndexing.disableInThisJvm();   // before the first session opens
 * }</pre>
 */
public final class ClassPathIndexing {
    private static final Logger LOG = Logger.getLogger(ClassPathIndexing.class.getName());
    private static boolean disabled;

    private ClassPathIndexing() {
    }

    /**
     * Discards every indexing task of this JVM's JShell sessions from now on. Indexing already
     * running (a session opened before) finishes first. Idempotent.
     *
     * @return whether indexing is disabled
     */
    public static synchronized boolean disableInThisJvm() {
        if (disabled) {
            return true;
        }
        try {
            Field field = Class.forName("jdk.jshell.SourceCodeAnalysisImpl").getDeclaredField("INDEXER");
            field.setAccessible(true);
            ThreadPoolExecutor indexer = (ThreadPoolExecutor) field.get(null);
            BlockingQueue<Runnable> queue = indexer.getQueue();
            indexer.execute(() -> discardForever(queue));
            disabled = true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.FINE, "JShell's class path indexing stays on", e);
        }
        return disabled;
    }

    private static void discardForever(BlockingQueue<Runnable> queue) {
        while (true) {
            try {
                if (queue.take() instanceof Future<?> task) {
                    task.cancel(false);
                }
            } catch (InterruptedException e) {
                // this thread is the indexer's only one: it keeps discarding
            }
        }
    }
}

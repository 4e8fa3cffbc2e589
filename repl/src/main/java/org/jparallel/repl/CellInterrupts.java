package org.jparallel.repl;

/**
 * What a cell's code registers while it waits for work elsewhere (tasks on a cluster's engines), so that interrupting
 * the cell stops that work too, not only the wait. The context class loader of a cell's code offers it.
 *
 * <pre>{@code
 * if (Thread.currentThread().getContextClassLoader() instanceof CellInterrupts cell) {
 *     try (AutoCloseable hook = cell.onInterrupt(() -> result.cancel(true))) {
 *         result.get();
 *     }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface CellInterrupts {

    /** Runs {@code action} when the cell is interrupted, before its code is stopped, until the hook is closed. */
    AutoCloseable onInterrupt(Runnable action);
}

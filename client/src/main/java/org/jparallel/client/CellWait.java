package org.jparallel.client;

import org.jparallel.repl.CellInterrupts;

/**
 * A wait in a notebook cell: interrupting the cell also stops what the cell waits for on the engines, as the user who
 * stops a cell means. Outside a cell (a program's own thread) nothing is registered.
 */
final class CellWait implements AutoCloseable {
    private static final CellWait NONE = new CellWait(null);

    private final AutoCloseable hook;

    private CellWait(AutoCloseable hook) {
        this.hook = hook;
    }

    /** Runs {@code stop} if the cell this thread runs is interrupted before {@link #close()}. */
    static CellWait stopping(Runnable stop) {
        return Thread.currentThread().getContextClassLoader() instanceof CellInterrupts cell
                ? new CellWait(cell.onInterrupt(stop)) : NONE;
    }

    @Override
    public void close() {
        if (hook != null) {
            try {
                hook.close();
            } catch (Exception e) {
                throw new IllegalStateException("unhooking from the cell's interrupt failed", e);
            }
        }
    }
}

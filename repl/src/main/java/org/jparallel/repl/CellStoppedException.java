package org.jparallel.repl;

/**
 * User code run outside a snippet ({@link JavaSession#callUserCode}: rendering a cell's value) was stopped by
 * {@link JavaSession#stop()}, as a cell's code is: the caller reports the cell as interrupted.
 */
public final class CellStoppedException extends RuntimeException {
    public CellStoppedException() {
        super("stopped by an interrupt", null, false, false);
    }
}

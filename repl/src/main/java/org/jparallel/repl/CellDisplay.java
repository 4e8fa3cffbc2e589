package org.jparallel.repl;

import java.util.Optional;
import org.jparallel.display.Display;

/**
 * The display of the notebook whose cell runs on this thread, which the cell's context class loader offers, so
 * that library code a cell calls (the cluster client's {@code ar.displayOutputs()}) can show rich output in it as
 * the cell's own {@code display(...)} does. Empty where none is: a program's own JShell, a plain Java thread.
 *
 * <pre>{@code
 * CellDisplay.inThisCell().ifPresent(display -> display.display(RichOutput.html("<b>hi</b>")));
 * }</pre>
 */
@FunctionalInterface
public interface CellDisplay {
    /** The display, if a notebook's session gave its cells one. */
    Optional<Display> display();

    /** The display of the cell running on this thread, through its context class loader. */
    static Optional<Display> inThisCell() {
        return Thread.currentThread().getContextClassLoader() instanceof CellDisplay cell ? cell.display()
                : Optional.empty();
    }
}

package org.jparallel.magic;

import org.jparallel.display.Display;
import org.jparallel.repl.CellOutcome;
import org.jparallel.repl.JavaSession;

/**
 * What a magic may use of the kernel it runs in.
 *
 * <pre>{@code
 * CellOutcome timed = context.runCell(call.body());   // the body may hold magics too
 * }</pre>
 */
public interface MagicContext {
    /** The JShell session of the notebook. */
    JavaSession session();

    /** Rich output to the cell. */
    Display display();

    /** The magics of this kernel. */
    MagicRegistry registry();

    /**
     * Runs cell text as the kernel would (magics and Java), in this cell's output; errors name it as this magic's
     * code in the cell ({@code In [5] (%%time) line 2}).
     */
    CellOutcome runCell(String code);

    /** Like {@link #runCell(String)}, errors naming the code {@code name} ({@code %load}'s file, say). */
    default CellOutcome runCell(String code, String name) {
        return runCell(code);
    }

    /**
     * Runs {@code onInterrupt} if the user interrupts the kernel before the registration is closed,
     * e.g. to stop remote work the magic waits for.
     */
    AutoCloseable onInterrupt(Runnable onInterrupt);

    /**
     * Sends every following cell to a cell magic (as {@code %autopx} does), or back to Java with
     * {@code null}.
     */
    void redirectCells(String cellMagicName);
}

package org.jparallel.repl;

import java.nio.file.Path;
import java.util.List;

/**
 * What a cell's code asks of the notebook that runs it to make {@code %px} magics for a view of a cluster, as
 * ipyparallel's {@code view.activate(suffix)} does. The context class loader of a cell's code offers it; the
 * kernel decides what it does ({@link #NONE} where no notebook is).
 *
 * <pre>{@code
 * if (Thread.currentThread().getContextClassLoader() instanceof ViewActivation notebook) {
 *     notebook.activate(clientFile, List.of(0, 2), "_even");   // %px_even, %%px_even, %pxresult_even, …
 * }
 * }</pre>
 */
@FunctionalInterface
public interface ViewActivation {
    /** Where no notebook takes activations: an engine's session, a program's own JShell. */
    ViewActivation NONE = (clientFile, targets, suffix) -> {
        throw new IllegalStateException("activate() makes %px magics, which exist in a jparallel notebook only; "
                + "here, call the view's execute(...) instead");
    };

    /**
     * Makes {@code %px}{@code suffix} and its companions run on these engines of the cluster whose client
     * connection file this is.
     *
     * @param targets the engines, or null for every engine registered when a cell runs
     * @param suffix  what follows {@code px} in the magics' names; empty for {@code %px} itself
     */
    void activate(Path clientFile, List<Integer> targets, String suffix);

    /**
     * Asks the notebook running this thread's cell, through its context class loader, to activate the view.
     *
     * @throws IllegalArgumentException when the suffix is not letters, digits and underscores
     * @throws IllegalStateException    where no notebook is
     */
    static void inThisCell(Path clientFile, List<Integer> targets, String suffix) {
        if (!suffix.matches("[A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("a suffix of %px is letters, digits and '_' (\"_even\"), not '"
                    + suffix + "'");
        }
        ViewActivation notebook = Thread.currentThread().getContextClassLoader() instanceof ViewActivation cell
                ? cell : NONE;
        notebook.activate(clientFile, targets, suffix);
    }
}

package org.jparallel.repl;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jparallel.display.Display;

/**
 * The context class loader of user code: JShell's loader of snippet classes, which it delegates everything to (so
 * {@code ServiceLoader} and {@code Class.forName} with the context loader see snippet classes and added jars, and its
 * URLs are the ones JShell's loader has); the session's {@link DeclaredTypes}, so that a cluster client made in a
 * cell decodes values of records typed on both sides into the cells' own records; {@link CellInterrupts}, so
 * that interrupting a cell that waits for a cluster's tasks stops those tasks; {@link ViewActivation}, so that
 * {@code view.activate("_even")} in a cell makes {@code %px_even}; and {@link CellDisplay}, so that library code
 * shows rich output in the notebook.
 */
final class CellContextLoader extends URLClassLoader implements DeclaredTypes, CellInterrupts, ViewActivation,
        CellDisplay {

    static {
        registerAsParallelCapable();
    }

    private final DeclaredTypes types;
    private final CellInterrupts interrupts;
    private final ViewActivation views;
    private final CellDisplay display;

    CellContextLoader(ClassLoader snippets, DeclaredTypes types, CellInterrupts interrupts, ViewActivation views,
                      CellDisplay display) {
        super("jparallel-cells", new URL[0], snippets);
        this.types = types;
        this.interrupts = interrupts;
        this.views = views;
        this.display = display;
    }

    @Override
    public URL[] getURLs() {
        return getParent() instanceof URLClassLoader jshell ? jshell.getURLs() : new URL[0];
    }

    @Override
    public Optional<Class<?>> declared(String name) {
        return types.declared(name);
    }

    @Override
    public Optional<String> source(String name) {
        return types.source(name);
    }

    @Override
    public Map<String, String> methods(String name) {
        return types.methods(name);
    }

    @Override
    public AutoCloseable onInterrupt(Runnable action) {
        return interrupts.onInterrupt(action);
    }

    @Override
    public void activate(Path clientFile, List<Integer> targets, String suffix) {
        views.activate(clientFile, targets, suffix);
    }

    @Override
    public Optional<Display> display() {
        return display.display();
    }
}

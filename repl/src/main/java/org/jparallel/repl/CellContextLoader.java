package org.jparallel.repl;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.Optional;

/**
 * The context class loader of user code: JShell's loader of snippet classes, which it delegates everything to (so
 * {@code ServiceLoader} and {@code Class.forName} with the context loader see snippet classes and added jars, and its
 * URLs are the ones JShell's loader has), and the session's {@link DeclaredTypes}, so that a cluster client made in a
 * cell decodes values of records typed on both sides into the cells' own records.
 */
final class CellContextLoader extends URLClassLoader implements DeclaredTypes {

    static {
        registerAsParallelCapable();
    }

    private final DeclaredTypes types;

    CellContextLoader(ClassLoader snippets, DeclaredTypes types) {
        super("jparallel-cells", new URL[0], snippets);
        this.types = types;
    }

    @Override
    public URL[] getURLs() {
        return getParent() instanceof URLClassLoader jshell ? jshell.getURLs() : new URL[0];
    }

    @Override
    public Optional<Class<?>> declared(String name) {
        return types.declared(name);
    }
}

package org.jparallel.repl;

import java.nio.file.Path;
import java.util.List;

/**
 * How to open a {@link JavaSession}.
 *
 * <p>There are no remote-VM options: user code runs in this JVM (local execution), so
 * that it shares objects with the host.
 *
 * @param classPath jars and folders that cells may compile against and load from
 * @param startup snippets evaluated when the session opens, in order (typically imports);
 *     an entry may hold several snippets
 * @param compilerOptions options for JShell's compiler, e.g. {@code -Xlint:unchecked}
 */
public record SessionOptions(List<Path> classPath, List<String> startup, List<String> compilerOptions) {

    public SessionOptions {
        classPath = List.copyOf(classPath);
        startup = List.copyOf(startup);
        compilerOptions = List.copyOf(compilerOptions);
    }

    /** No extra class path, no startup snippets, default compiler options. */
    public static SessionOptions defaults() {
        return new SessionOptions(List.of(), List.of(), List.of());
    }

    public SessionOptions withClassPath(List<Path> entries) {
        return new SessionOptions(entries, startup, compilerOptions);
    }

    public SessionOptions withStartup(List<String> snippets) {
        return new SessionOptions(classPath, snippets, compilerOptions);
    }

    public SessionOptions withCompilerOptions(List<String> options) {
        return new SessionOptions(classPath, startup, options);
    }
}

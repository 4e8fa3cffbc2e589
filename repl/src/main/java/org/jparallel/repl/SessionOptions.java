package org.jparallel.repl;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
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
 * @param stopChecks whether snippet classes carry stop checks on JDK 17 to 19 (JShell weaves its own from JDK 20
 *     on), so that a stop ends snippet code in every thread, a parallel stream's workers included, not only in
 *     the cell's own threads; it costs the first cell ~50 ms and the JVM 2–3 MB ({@link StopChecks})
 */
public record SessionOptions(List<Path> classPath, List<String> startup, List<String> compilerOptions,
                             boolean stopChecks) {

    /** JShell's own default imports, so cells read as they do in the jshell tool. */
    public static final String JSHELL_IMPORTS = """
            import java.io.*;
            import java.math.*;
            import java.net.*;
            import java.nio.file.*;
            import java.util.*;
            import java.util.concurrent.*;
            import java.util.function.*;
            import java.util.regex.*;
            import java.util.stream.*;
            """;

    public SessionOptions {
        classPath = List.copyOf(classPath);
        startup = List.copyOf(startup);
        compilerOptions = List.copyOf(compilerOptions);
    }

    /** No extra class path, no startup snippets, default compiler options, stop checks. */
    public static SessionOptions defaults() {
        return new SessionOptions(List.of(), List.of(), List.of(), true);
    }

    /** This JVM's own class path, so cells see the host's classes (the display and client API). */
    public SessionOptions withHostClassPath() {
        return withClassPath(Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(Path::of)
                .toList());
    }

    public SessionOptions withClassPath(List<Path> entries) {
        return new SessionOptions(entries, startup, compilerOptions, stopChecks);
    }

    public SessionOptions withStartup(List<String> snippets) {
        return new SessionOptions(classPath, snippets, compilerOptions, stopChecks);
    }

    public SessionOptions withCompilerOptions(List<String> options) {
        return new SessionOptions(classPath, startup, options, stopChecks);
    }

    /** See {@code stopChecks}: without them on JDK 17 to 19, a stop ends the threads whose stacks show a snippet. */
    public SessionOptions withoutStopChecks() {
        return new SessionOptions(classPath, startup, compilerOptions, false);
    }
}

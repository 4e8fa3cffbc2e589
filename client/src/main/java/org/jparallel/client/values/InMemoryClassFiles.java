package org.jparallel.client.values;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the class file of a class that exists only in this JVM's memory from the loader that defined it: a
 * JShell snippet class, or a class of a program run from its source file ({@code java Main.java}), which the
 * source launcher compiles in memory.
 *
 * <p>Both loaders serve their in-memory classes as resources (on JDK 17 and 25), so a client created inside a
 * cell, or by a source-launched program, with plain {@code Client.connect()} ships the lambdas and records
 * declared there without being handed their bytecode. Classes on the class path are expected on the other
 * side already, and are not read.
 */
final class InMemoryClassFiles {
    /** {@link ClassBytes#none()}: a program run from source that gives none ships its classes read here. */
    static final ClassBytes NONE_GIVEN = name -> Optional.empty();

    private static final String JSHELL_PACKAGE = "REPL.";
    /** The source launcher's loader: a nested class of its {@code Main} up to JDK 21, a class of its own since. */
    private static final Set<String> SOURCE_LAUNCHER_LOADERS = Set.of(
            "com.sun.tools.javac.launcher.Main$MemoryClassLoader",
            "com.sun.tools.javac.launcher.MemoryClassLoader");

    private static final ClassValue<Optional<byte[]>> FROM_SOURCE = new ClassValue<>() {
        @Override
        protected Optional<byte[]> computeValue(Class<?> type) {
            ClassLoader loader = type.getClassLoader();
            return loader != null && SOURCE_LAUNCHER_LOADERS.contains(loader.getClass().getName())
                    ? resource(loader, type.getName()) : Optional.empty();
        }
    };

    private InMemoryClassFiles() {
    }

    /**
     * The class file of a JShell snippet class; of a class compiled from source too when {@code given} is
     * {@link #NONE_GIVEN}, that is, when the program did not say which of its classes to ship.
     */
    static Optional<byte[]> read(ClassLoader loader, String binaryName, ClassBytes given) {
        if (loader == null) {
            return Optional.empty();
        }
        if (binaryName.startsWith(JSHELL_PACKAGE)) {
            return resource(loader, binaryName); // read each time: a cell run again redefines its classes
        }
        return given == NONE_GIVEN ? compiledFromSource(loader, binaryName) : Optional.empty();
    }

    private static Optional<byte[]> resource(ClassLoader loader, String binaryName) {
        try (InputStream in = loader.getResourceAsStream(binaryName.replace('.', '/') + ".class")) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the class file of " + binaryName, e);
        }
    }

    /**
     * The class file of a class the source launcher's loader defined itself: it finds the class path's classes
     * too (through its parent, also as resources), and those must not travel. Read once per class, since a
     * program's classes never change while it runs, and every task of a loop asks again.
     */
    private static Optional<byte[]> compiledFromSource(ClassLoader loader, String binaryName) {
        if (!SOURCE_LAUNCHER_LOADERS.contains(loader.getClass().getName())) {
            return Optional.empty();
        }
        try {
            return FROM_SOURCE.get(Class.forName(binaryName, false, loader));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }
}

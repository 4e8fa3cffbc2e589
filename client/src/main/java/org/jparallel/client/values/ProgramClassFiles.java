package org.jparallel.client.values;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the class file of a class that is the program's own, which the other side cannot be expected to have,
 * from the loader that defined it: a JShell snippet class; a class of a program run from its source file
 * ({@code java Main.java}), which the source launcher compiles in memory; or a class of a folder on the class
 * path ({@code java -cp target/classes Main}, an IDE's run, {@code mvn exec:java}), where a program under
 * development keeps its compiled classes.
 *
 * <p>So a client created inside a cell, or by such a program, with plain {@code Client.connect()} ships the
 * lambdas and records declared there without being handed their bytecode, as ipyparallel pickles the functions
 * of a script's {@code __main__} by value. Classes of jars are libraries, expected on the other side as an
 * installed package is, and are not read; nor are jparallel's own, which every engine runs. A receiver that has a
 * shipped class on its own class path with the same bytecode uses its own (see {@link ShippedClassLoader}).
 */
final class ProgramClassFiles {
    /** {@link ClassBytes#none()}: a program that gives none ships its classes read here. */
    static final ClassBytes NONE_GIVEN = name -> Optional.empty();

    private static final String JSHELL_PACKAGE = "REPL.";
    private static final String JPARALLEL_PACKAGE = "org.jparallel.";
    /** The source launcher's loader: a nested class of its {@code Main} up to JDK 21, a class of its own since. */
    private static final Set<String> SOURCE_LAUNCHER_LOADERS = Set.of(
            "com.sun.tools.javac.launcher.Main$MemoryClassLoader",
            "com.sun.tools.javac.launcher.MemoryClassLoader");

    /** Read once per class, since a program's classes never change while it runs, and every task asks again. */
    private static final ClassValue<Optional<byte[]>> OWN = new ClassValue<>() {
        @Override
        protected Optional<byte[]> computeValue(Class<?> type) {
            ClassLoader loader = type.getClassLoader();
            if (loader == null || type.getName().startsWith(JPARALLEL_PACKAGE)) {
                return Optional.empty();
            }
            // The source launcher's loader finds the class path's classes too (through its parent): only those it
            // defined itself are compiled from source.
            boolean fromSource = SOURCE_LAUNCHER_LOADERS.contains(loader.getClass().getName());
            return fromSource || inClassFolder(type) ? resource(loader, type.getName()) : Optional.empty();
        }
    };

    private ProgramClassFiles() {
    }

    /**
     * The class file of a JShell snippet class; of the program's own classes compiled from source or kept in a
     * class folder too when {@code given} is {@link #NONE_GIVEN}, that is, when the program did not say which of
     * its classes to ship.
     */
    static Optional<byte[]> read(ClassLoader loader, String binaryName, ClassBytes given) {
        if (loader == null) {
            return Optional.empty();
        }
        if (binaryName.startsWith(JSHELL_PACKAGE)) {
            return resource(loader, binaryName); // read each time: a cell run again redefines its classes
        }
        if (given != NONE_GIVEN) {
            return Optional.empty();
        }
        try {
            return OWN.get(Class.forName(binaryName, false, loader));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    /** Like {@link #read(ClassLoader, String, ClassBytes)} for a class at hand: no lookup by name for each value. */
    static Optional<byte[]> read(Class<?> type, ClassBytes given) {
        if (type.getName().startsWith(JSHELL_PACKAGE)) {
            return read(type.getClassLoader(), type.getName(), given);
        }
        return given == NONE_GIVEN ? OWN.get(type) : Optional.empty();
    }

    private static boolean inClassFolder(Class<?> type) {
        ProtectionDomain domain = type.getProtectionDomain();
        CodeSource source = domain == null ? null : domain.getCodeSource();
        URL location = source == null ? null : source.getLocation();
        if (location == null || !location.getProtocol().equals("file")) {
            return false;
        }
        try {
            return Files.isDirectory(Path.of(location.toURI()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return false;
        }
    }

    private static Optional<byte[]> resource(ClassLoader loader, String binaryName) {
        try (InputStream in = loader.getResourceAsStream(binaryName.replace('.', '/') + ".class")) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the class file of " + binaryName, e);
        }
    }
}

package org.jparallel.client.values;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Reads the class file of a JShell snippet class from the loader that defined it.
 *
 * <p>JShell's class loader serves its in-memory classes as resources (on JDK 17 and 25), so a client
 * created inside a cell with plain {@code Client.connect()} ships the lambdas and records typed there
 * without being handed the session's bytecode. Only JShell's package {@code REPL} is read this way:
 * classes on the class path are expected on the other side already.
 */
final class SnippetClassFiles {
    private static final String JSHELL_PACKAGE = "REPL.";

    private SnippetClassFiles() {
    }

    static Optional<byte[]> read(ClassLoader loader, String binaryName) {
        if (loader == null || !binaryName.startsWith(JSHELL_PACKAGE)) {
            return Optional.empty();
        }
        try (InputStream in = loader.getResourceAsStream(binaryName.replace('.', '/') + ".class")) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the class file of " + binaryName, e);
        }
    }
}

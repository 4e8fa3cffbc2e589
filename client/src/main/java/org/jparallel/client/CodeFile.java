package org.jparallel.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The text of a file of JShell code that a view runs on its engines. */
final class CodeFile {
    private CodeFile() {
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the code to run from " + file + ": " + e, e);
        }
    }
}

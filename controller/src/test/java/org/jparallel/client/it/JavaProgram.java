package org.jparallel.client.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A Java program run as its user runs it, in a JVM of its own with this JVM's {@code java}. */
final class JavaProgram {
    private JavaProgram() {
    }

    /**
     * Runs {@code java ARGS…}, its output going to {@code log}, and returns the lines it printed once it has exited
     * with 0 (within 90 s); fails with its output otherwise. The process is gone either way.
     */
    static List<String> run(Path log, String... args) throws Exception {
        Process run = new ProcessBuilder(command(args)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            boolean ended = run.waitFor(90, TimeUnit.SECONDS);
            String output = Files.readString(log);
            assertEquals(0, ended ? run.exitValue() : -1, output);
            return output.lines().toList();
        } finally {
            run.destroyForcibly().waitFor();
        }
    }

    /** Starts {@code java ARGS…}, its output and errors readable from its input stream; the caller ends it. */
    static Process start(String... args) throws Exception {
        return new ProcessBuilder(command(args)).redirectErrorStream(true).start();
    }

    private static List<String> command(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(args));
        return command;
    }
}

package org.jparallel.controller.launch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A command line that runs a main class of this project in a new JVM: the same {@code java} and
 * the same class path (the shaded jar, or the build's folders) as the JVM running now.
 */
final class JavaCommand {
    private JavaCommand() {
    }

    static List<String> of(List<String> jvmOptions, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    /** Splits options given as one string, e.g. {@code "-Xmx2g -Dfoo=bar"}, on whitespace. */
    static List<String> split(String options) {
        return options == null || options.isBlank() ? List.of() : List.of(options.trim().split("\\s+"));
    }
}

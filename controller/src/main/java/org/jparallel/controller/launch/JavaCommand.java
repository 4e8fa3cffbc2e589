package org.jparallel.controller.launch;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A command line that runs a main class of this project in a new JVM: the same {@code java} and
 * the same class path (the shaded jar, or the build's folders) as the JVM running now.
 *
 * <p>A class path among the options ({@code -cp}, {@code -classpath}, {@code --class-path}) is added after
 * ours rather than replacing it: {@code --engine-jvm-options "-cp app.jar"} gives engines a program's classes
 * and keeps theirs.
 */
final class JavaCommand {
    private static final Set<String> CLASS_PATH_OPTIONS = Set.of("-cp", "-classpath", "--class-path");
    private static final String CLASS_PATH_ASSIGNMENT = "--class-path=";

    private JavaCommand() {
    }

    static List<String> of(List<String> jvmOptions, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        StringBuilder classPath = new StringBuilder(System.getProperty("java.class.path"));
        for (int i = 0; i < jvmOptions.size(); i++) {
            String option = jvmOptions.get(i);
            if (CLASS_PATH_OPTIONS.contains(option) && i + 1 < jvmOptions.size()) {
                classPath.append(File.pathSeparator).append(jvmOptions.get(++i));
            } else if (option.startsWith(CLASS_PATH_ASSIGNMENT)) {
                classPath.append(File.pathSeparator).append(option.substring(CLASS_PATH_ASSIGNMENT.length()));
            } else {
                command.add(option);
            }
        }
        command.add("-cp");
        command.add(classPath.toString());
        command.add(mainClass);
        command.addAll(args);
        return command;
    }
}

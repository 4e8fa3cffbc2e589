package org.jparallel.controller.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.util.List;
import org.junit.jupiter.api.Test;

class JavaCommandTest {
    static final String OURS = System.getProperty("java.class.path");

    private static List<String> tail(List<String> command) {
        return command.subList(1, command.size()); // after the java executable
    }

    @Test
    void optionsGoBeforeOurClassPathAndTheMainClass() {
        assertEquals(List.of("-Xmx2g", "-cp", OURS, "org.example.Main", "arg"),
                tail(JavaCommand.of(List.of("-Xmx2g"), "org.example.Main", List.of("arg"))));
    }

    @Test
    void aClassPathAmongTheOptionsComesAfterOurs() {
        assertEquals(List.of("-Xmx2g", "-cp", OURS + File.pathSeparator + "/opt/app.jar", "org.example.Main"),
                tail(JavaCommand.of(List.of("-cp", "/opt/app.jar", "-Xmx2g"), "org.example.Main", List.of())));
    }

    @Test
    void everyClassPathSpellingIsAdded() {
        String expected = String.join(File.pathSeparator, OURS, "a.jar", "b.jar", "c");
        assertEquals(List.of("-cp", expected, "M"), tail(JavaCommand.of(
                List.of("-classpath", "a.jar", "--class-path", "b.jar", "--class-path=c"), "M", List.of())));
    }
}

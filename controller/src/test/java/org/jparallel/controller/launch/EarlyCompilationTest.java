package org.jparallel.controller.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EarlyCompilationTest {
    /** What a JVM started with the options prints, besides its version. */
    private static String printed(List<String> options) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow()));
        command.addAll(options);
        command.add("-version");
        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(java.getInputStream().readAllBytes());
        assertTrue(java.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, java.exitValue(), out);
        return out;
    }

    @Test
    void theJvmTakesTheOptionsWithoutAWord() throws Exception {
        // A CompileCommand this JVM does not understand is reported, not refused: the report is what fails here.
        String out = printed(EarlyCompilation.JVM_OPTIONS);
        assertFalse(out.contains("CompileCommand"), out);
    }
}

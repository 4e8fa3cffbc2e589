package org.jparallel.controller.launch;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.List;
import org.jparallel.controller.profile.ProfileDir;

/**
 * Runs a command that starts an {@link EngineScript} elsewhere (ssh, srun): its output into
 * {@code log/engine-K.log} here, the engine connection file on its standard input.
 */
final class EngineScriptProcess {
    private EngineScriptProcess() {
    }

    static ProcessHandle start(List<String> command, ProfileDir dir, int index) throws IOException {
        Files.createDirectories(dir.logDir());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.engineLog(index).toFile()))
                .start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(Files.readAllBytes(dir.engineFile()));
        } catch (IOException e) {
            // the command exited before reading it (refused, unknown host): its reason is in the log, its exit counts
        }
        return process.toHandle();
    }
}

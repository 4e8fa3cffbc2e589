package org.jparallel.controller.launch;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.jparallel.controller.profile.ProfileDir;

/**
 * Engines as local processes: {@code java <options> -cp <this class path> org.jparallel.engine.EngineMain
 * security/engine.json --id-hint K}, each logging to {@code log/engine-K.log}.
 */
public final class LocalEngineLauncher implements EngineLauncher {
    /**
     * What pays for an engine, measured with 4 engines on a 2-core machine: the serial collector
     * and a small initial heap that shrinks back after a collection keep an idle engine at ~60 MB
     * PSS (~125 MB with the JVM's defaults, which size the young generation from the machine's
     * memory). C2 stays on: {@code -XX:TieredStopAtLevel=1} made idle engines larger (~82 MB) and
     * slows user code that computes. Class data sharing is on by default.
     */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xms16m",
            "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30", "-Xshare:auto", "-XX:-UsePerfData");

    private final ProfileDir dir;
    private final List<String> jvmOptions;

    /** @param jvmOptions options for each engine JVM, before the defaults are added */
    public LocalEngineLauncher(ProfileDir dir, List<String> jvmOptions) {
        this.dir = dir;
        List<String> options = new ArrayList<>(DEFAULT_JVM_OPTIONS);
        options.addAll(jvmOptions);
        this.jvmOptions = List.copyOf(options);
    }

    @Override
    public ProcessHandle launch(int index) throws IOException {
        Files.createDirectories(dir.logDir());
        File log = dir.engineLog(index).toFile();
        ProcessBuilder builder = new ProcessBuilder(JavaCommand.of(jvmOptions, "org.jparallel.engine.EngineMain",
                List.of(dir.engineFile().toString(), "--id-hint", String.valueOf(index))))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log));
        Process process = builder.start();
        process.getOutputStream().close(); // an engine reads no standard input
        return process.toHandle();
    }
}

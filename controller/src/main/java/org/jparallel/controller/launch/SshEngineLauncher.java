package org.jparallel.controller.launch;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jparallel.controller.profile.ProfileDir;

/**
 * Engines on another host, started over ssh: the engine connection file goes through ssh's standard input into a
 * private temporary file there (no scp, no shared folder), and the engine's output comes back into
 * {@code log/engine-K.log} here. The controller watches the local ssh process as it watches a local engine; the
 * engine itself stops when the controller asks it to, or falls silent. Engines there get the same default JVM
 * options and compiler directives as engines here, not this host's class data sharing archive.
 *
 * <pre>{@code
 * EngineLauncher launcher = new SshEngineLauncher(dir, SshTarget.of("node7"), List.of("-Xmx4g"));
 * launcher.launch(4);   // ssh -o BatchMode=yes node7 'f=$(mktemp ...) && cat > "$f" && java ... EngineMain "$f"'
 * }</pre>
 */
public final class SshEngineLauncher implements EngineLauncher {
    private final ProfileDir dir;
    private final SshTarget target;
    private final List<String> defaultOptions;
    private final List<String> jvmOptions;

    /** @param jvmOptions options for each engine JVM, after the defaults, so they override them */
    public SshEngineLauncher(ProfileDir dir, SshTarget target, List<String> jvmOptions) {
        this.dir = dir;
        this.target = target;
        List<String> defaults = new ArrayList<>(LocalEngineLauncher.DEFAULT_JVM_OPTIONS);
        defaults.addAll(EarlyCompilation.JVM_OPTIONS);
        this.defaultOptions = List.copyOf(defaults);
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    @Override
    public ProcessHandle launch(int index) throws IOException {
        Files.createDirectories(dir.logDir());
        List<String> command = new ArrayList<>(target.command());
        command.add(target.host());
        command.add(remoteScript(index));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.engineLog(index).toFile()))
                .start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(Files.readAllBytes(dir.engineFile()));
        } catch (IOException e) {
            // ssh exited before reading it (refused, unknown host): its reason is in the log, its exit counts
        }
        return process.toHandle();
    }

    @Override
    public String logOf(int index) {
        return dir.engineLog(index) + " (engine on " + target.host() + ")";
    }

    /**
     * The command the remote shell runs: the connection file from standard input and the engines' compiler
     * directives (as local engines have them) into temporary files, the engine, the files removed.
     */
    private String remoteScript(int index) {
        String classPath = target.jar().isEmpty() ? System.getProperty("java.class.path") : target.jar();
        List<String> java = new ArrayList<>();
        java.add(target.java());
        java.addAll(defaultOptions);
        List<String> rest = new ArrayList<>(jvmOptions);
        rest.addAll(List.of("-cp", classPath, "org.jparallel.engine.EngineMain"));
        return "f=$(mktemp \"${TMPDIR:-/tmp}/jparallel-engine.XXXXXX\") && cat > \"$f\""
                + " && d=$(mktemp \"${TMPDIR:-/tmp}/jparallel-directives.XXXXXX\")"
                + " && printf '%s' " + quoted(LocalEngineLauncher.COMPILER_DIRECTIVES) + " > \"$d\" && "
                + words(java) + " \"-XX:CompilerDirectivesFile=$d\" " + words(rest) + " \"$f\" --id-hint " + index
                + "; status=$?; rm -f \"$f\" \"$d\"; exit $status";
    }

    private static String words(List<String> words) {
        return words.stream().map(SshEngineLauncher::quoted).collect(Collectors.joining(" "));
    }

    /** A word for a POSIX shell, whatever it holds. */
    static String quoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    @Override
    public String toString() {
        return "engines on " + target.host() + " over " + String.join(" ", target.command());
    }
}

package org.jparallel.controller.launch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
    private final List<String> jvmOptions;

    /** @param jvmOptions options for each engine JVM, after the defaults, so they override them */
    public SshEngineLauncher(ProfileDir dir, SshTarget target, List<String> jvmOptions) {
        this.dir = dir;
        this.target = target;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    @Override
    public ProcessHandle launch(int index) throws IOException {
        List<String> command = new ArrayList<>(target.command());
        command.add(target.host());
        command.add(EngineScript.of(target.java(), target.jar(), jvmOptions, index));
        return EngineScriptProcess.start(command, dir, index);
    }

    @Override
    public String logOf(int index) {
        return dir.engineLog(index) + " (engine on " + target.host() + ")";
    }

    @Override
    public String toString() {
        return "engines on " + target.host() + " over " + String.join(" ", target.command());
    }
}

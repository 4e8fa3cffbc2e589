package org.jparallel.controller.launch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jparallel.controller.profile.ProfileDir;

/**
 * Engines that Slurm places: one {@code srun} task each, launched from the controller's host, whose standard
 * input carries the connection file to the node and whose output comes back into {@code log/engine-K.log}. The
 * controller watches the local {@code srun} as it watches a local engine; stopping it cancels the task.
 *
 * <pre>{@code
 * EngineLauncher launcher = new SlurmEngineLauncher(dir, SlurmTarget.defaults(), List.of("-Xmx4g"));
 * launcher.launch(4);   // srun --ntasks=1 --job-name=jparallel-default sh -c 'f=$(mktemp ...) && ...'
 * }</pre>
 */
public final class SlurmEngineLauncher implements EngineLauncher {
    private final ProfileDir dir;
    private final SlurmTarget target;
    private final List<String> jvmOptions;

    /** @param jvmOptions options for each engine JVM, after the defaults, so they override them */
    public SlurmEngineLauncher(ProfileDir dir, SlurmTarget target, List<String> jvmOptions) {
        this.dir = dir;
        this.target = target;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    @Override
    public ProcessHandle launch(int index) throws IOException {
        List<String> command = new ArrayList<>(List.of("srun", "--ntasks=1", "--job-name=jparallel-" + dir.name()));
        command.addAll(target.options());
        command.addAll(List.of("sh", "-c", EngineScript.of(target.java(), target.jar(), jvmOptions, index)));
        try {
            return EngineScriptProcess.start(command, dir, index);
        } catch (IOException e) {
            throw new IOException("cannot run srun (is this a host that may submit Slurm jobs?): " + e.getMessage(), e);
        }
    }

    @Override
    public String logOf(int index) {
        return dir.engineLog(index) + " (engine placed by " + target.name() + ")";
    }

    @Override
    public String toString() {
        return "engines placed by " + target.name();
    }
}

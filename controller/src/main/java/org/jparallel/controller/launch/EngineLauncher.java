package org.jparallel.controller.launch;

import java.io.IOException;

/**
 * Starts engine processes for a controller: on its host, on another over ssh, or as Slurm tasks.
 *
 * <pre>{@code
 * EngineLauncher launcher = new LocalEngineLauncher(dir, List.of("-Xmx1g"));
 * ProcessHandle engine = launcher.launch(0);   // logs to log/engine-0.log
 * }</pre>
 */
public interface EngineLauncher {

    /**
     * Starts one engine, which connects and registers on its own.
     *
     * @param index the launch number, 0, 1, 2, …: names its log and is its id hint
     * @return the process, which the controller watches to unregister the engine when it ends
     */
    ProcessHandle launch(int index) throws IOException;

    /** Where engine {@code index}'s output goes, for messages that send a user to it. */
    String logOf(int index);
}

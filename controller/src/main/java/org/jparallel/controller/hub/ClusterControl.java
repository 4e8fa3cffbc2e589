package org.jparallel.controller.hub;

import org.jparallel.controller.launch.EngineSite;

/**
 * What the hub asks of the controller around it. Called under the hub's lock: implementations
 * hand the work to another thread and return at once.
 */
public interface ClusterControl {
    /** Launches {@code n} more local engines. */
    void launchEngines(int n);

    /** Launches {@code n} more engines elsewhere: on another host over ssh, or through Slurm. */
    void launchEngines(int n, EngineSite site);

    /**
     * Stops every engine and starts again, the same way, those this controller launched: fresh JVMs, their
     * sessions and class paths new. Engines started elsewhere ({@code jpcluster engine}) stop for good.
     *
     * @return how many engines come back
     */
    int restartEngines();

    /** Stops every engine, and the controller too when {@code controllerToo}. */
    void shutdown(boolean controllerToo);
}

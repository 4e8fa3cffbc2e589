package org.jparallel.controller.hub;

import org.jparallel.controller.launch.EngineSite;

/** Launches nothing: the engines of a hub under test come by hand. */
final class NoClusterControl implements ClusterControl {
    @Override
    public void launchEngines(int n) {
    }

    @Override
    public void launchEngines(int n, EngineSite site) {
    }

    @Override
    public int restartEngines() {
        return 0;
    }

    @Override
    public void shutdown(boolean controllerToo) {
    }
}

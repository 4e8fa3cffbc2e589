package org.jparallel.controller.cli;

import org.jparallel.controller.launch.ClusterLauncher;

/** A subcommand that works on the clusters of one launcher (one home folder). */
abstract class ClusterCommand {
    final ClusterLauncher launcher;

    ClusterCommand(ClusterLauncher launcher) {
        this.launcher = launcher;
    }
}

package org.jparallel.controller.cli;

import java.util.concurrent.Callable;
import org.jparallel.controller.launch.ClusterLauncher;
import org.jparallel.controller.profile.ProfileDir;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "stop", mixinStandardHelpOptions = true, description = "Stops a cluster: its controller and engines.")
final class StopCommand extends ClusterCommand implements Callable<Integer> {
    @Option(names = "--profile", defaultValue = ProfileDir.DEFAULT_PROFILE, description = "cluster profile (default: ${DEFAULT-VALUE})")
    String profile;

    StopCommand(ClusterLauncher launcher) {
        super(launcher);
    }

    @Override
    public Integer call() {
        if (!launcher.stop(profile)) {
            System.err.println("jpcluster: no cluster of profile '" + profile + "' is running");
            return 1;
        }
        System.out.println("cluster '" + profile + "' stopped");
        return 0;
    }
}

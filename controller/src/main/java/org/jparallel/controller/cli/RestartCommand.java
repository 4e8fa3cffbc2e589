package org.jparallel.controller.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.jparallel.controller.launch.ClusterLauncher;
import org.jparallel.controller.profile.ProfileDir;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "restart", mixinStandardHelpOptions = true,
        description = "Restarts a cluster's engines as fresh JVMs (new sessions, class paths and ids); the controller"
                + " and its clients stay.")
final class RestartCommand extends ClusterCommand implements Callable<Integer> {
    @Option(names = "--profile", defaultValue = ProfileDir.DEFAULT_PROFILE,
            description = "cluster profile (default: ${DEFAULT-VALUE})")
    String profile;

    RestartCommand(ClusterLauncher launcher) {
        super(launcher);
    }

    @Override
    public Integer call() {
        int engines = launcher.restartEngines(profile, Duration.ofSeconds(120));
        System.out.println("cluster '" + profile + "' restarted its engines: " + engines
                + (engines == 1 ? " engine" : " engines"));
        return 0;
    }
}

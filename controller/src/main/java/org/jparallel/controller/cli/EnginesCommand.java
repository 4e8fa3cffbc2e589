package org.jparallel.controller.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.jparallel.controller.launch.ClusterLauncher;
import org.jparallel.controller.profile.ProfileDir;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "engines", mixinStandardHelpOptions = true,
        description = "Adds K engines to a running cluster, on its host or, with --ssh or --slurm, elsewhere.")
final class EnginesCommand extends ClusterCommand implements Callable<Integer> {
    @Option(names = {"-n", "--engines"}, converter = EngineCount.class,
            description = "number of engines to add (default: one per processor of this host; with --ssh HOST=N for"
                    + " every host, the sum of those)")
    Integer engines;

    @Option(names = "--profile", defaultValue = ProfileDir.DEFAULT_PROFILE, description = "cluster profile (default: ${DEFAULT-VALUE})")
    String profile;

    @Mixin
    EngineSiteOptions sites = new EngineSiteOptions();

    EnginesCommand(ClusterLauncher launcher) {
        super(launcher);
    }

    @Override
    public Integer call() {
        int now = launcher.addEngines(profile, sites.engineHosts(engines), Duration.ofSeconds(60));
        System.out.println("cluster '" + profile + "' has " + now + " engines");
        return 0;
    }
}

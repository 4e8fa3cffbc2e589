package org.jparallel.controller.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.jparallel.controller.launch.ClusterLauncher;
import org.jparallel.controller.launch.ClusterStatus;
import org.jparallel.controller.launch.ClusterTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the running clusters.")
final class ListCommand extends ClusterCommand implements Callable<Integer> {
    @Option(names = "--profile", description = "only this profile's cluster (default: every running one)")
    String profile;

    ListCommand(ClusterLauncher launcher) {
        super(launcher);
    }

    @Override
    public Integer call() {
        List<ClusterStatus> clusters = launcher.list().stream()
                .filter(cluster -> profile == null || cluster.profile().equals(profile)).toList();
        if (clusters.isEmpty()) {
            System.out.println((profile == null ? "no cluster is running" : "no cluster of profile " + profile
                    + " is running") + " (under " + launcher.home() + ")");
            return profile == null ? 0 : 1;
        }
        System.out.print(ClusterTable.of(clusters));
        return 0;
    }
}

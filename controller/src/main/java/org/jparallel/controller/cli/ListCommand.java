package org.jparallel.controller.cli;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.jparallel.controller.launch.ClusterLauncher;
import org.jparallel.controller.launch.ClusterStatus;
import picocli.CommandLine.Command;

@Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the running clusters.")
final class ListCommand extends ClusterCommand implements Callable<Integer> {

    ListCommand(ClusterLauncher launcher) {
        super(launcher);
    }

    @Override
    public Integer call() {
        List<ClusterStatus> clusters = launcher.list();
        if (clusters.isEmpty()) {
            System.out.println("no cluster is running (under " + launcher.home() + ")");
            return 0;
        }
        System.out.printf("%-16s %10s %8s %-11s %4s %10s%n", "PROFILE", "PID", "ENGINES", "SCHEME", "HWM", "UPTIME");
        for (ClusterStatus cluster : clusters) {
            System.out.printf("%-16s %10d %8s %-11s %4s %10s%n", cluster.profile(), cluster.controllerPid(),
                    cluster.engines() < 0 ? "?" : String.valueOf(cluster.engines()), cluster.scheme(),
                    cluster.highWaterMark() < 0 ? "?" : String.valueOf(cluster.highWaterMark()),
                    uptime(cluster.uptime()));
        }
        return 0;
    }

    private static String uptime(Duration d) {
        return d.toHours() > 0 ? d.toHours() + "h" + d.toMinutesPart() + "m"
                : d.toMinutes() > 0 ? d.toMinutes() + "m" + d.toSecondsPart() + "s" : d.toSeconds() + "s";
    }
}

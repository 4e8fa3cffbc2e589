package org.jparallel.controller.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.jparallel.controller.launch.ClusterLauncher;
import org.jparallel.controller.launch.ClusterStatus;
import org.jparallel.controller.launch.ClusterTable;
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
        System.out.print(ClusterTable.of(clusters));
        return 0;
    }
}

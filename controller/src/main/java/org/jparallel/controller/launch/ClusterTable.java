package org.jparallel.controller.launch;

import java.time.Duration;
import java.util.List;

/**
 * Running clusters as the table {@code jpcluster list} and {@code %cluster list} print: profile, controller
 * pid, engines, scheme, high-water mark, uptime, and how many engines run on each host.
 *
 * <pre>{@code
 * System.out.print(ClusterTable.of(launcher.list()));
 * }</pre>
 */
public final class ClusterTable {
    private static final String ROW = "%-16s %10s %8s %-11s %4s %10s  %s%n";

    private ClusterTable() {
    }

    public static String of(List<ClusterStatus> clusters) {
        StringBuilder table = new StringBuilder(String.format(ROW, "PROFILE", "PID", "ENGINES", "SCHEME", "HWM", "UPTIME",
                "HOSTS"));
        for (ClusterStatus cluster : clusters) {
            table.append(String.format(ROW, cluster.profile(), cluster.controllerPid(),
                    cluster.engines() < 0 ? "?" : String.valueOf(cluster.engines()), cluster.scheme(),
                    cluster.highWaterMark() < 0 ? "?" : String.valueOf(cluster.highWaterMark()),
                    uptime(cluster.uptime()), hosts(cluster)));
        }
        return table.toString();
    }

    /** {@code vm:4}, {@code vm:4,node7:2}: where the engines run; {@code ?} when the controller did not say. */
    static String hosts(ClusterStatus cluster) {
        if (cluster.hosts().isEmpty()) {
            return cluster.engines() == 0 ? "-" : "?";
        }
        StringBuilder hosts = new StringBuilder();
        cluster.hosts().forEach((host, engines) -> hosts.append(hosts.length() == 0 ? "" : ",").append(host)
                .append(':').append(engines));
        return hosts.toString();
    }

    static String uptime(Duration d) {
        return d.toHours() > 0 ? d.toHours() + "h" + d.toMinutesPart() + "m"
                : d.toMinutes() > 0 ? d.toMinutes() + "m" + d.toSecondsPart() + "s" : d.toSeconds() + "s";
    }
}

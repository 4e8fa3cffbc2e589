package org.jparallel.controller.launch;

import java.time.Duration;

/**
 * A running cluster, as {@link ClusterLauncher#list} reports it.
 *
 * @param engines the registered engines, or -1 when the controller did not answer in time
 */
public record ClusterStatus(String profile, long controllerPid, int engines, Duration uptime) {
}

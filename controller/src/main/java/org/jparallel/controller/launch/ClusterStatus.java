package org.jparallel.controller.launch;

import java.time.Duration;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A running cluster, as {@link ClusterLauncher#list} reports it.
 *
 * @param engines       the registered engines, or -1 when the controller did not answer in time
 * @param scheme        how its load-balanced tasks pick an engine ({@code leastload}, {@code lru}, …), or
 *                      {@code ?} when the controller did not answer
 * @param highWaterMark load-balanced tasks in flight per engine (0: no limit), or -1 when not known
 * @param hosts         how many of its engines run on each host, by host name; empty when not known
 */
public record ClusterStatus(String profile, long controllerPid, int engines, Duration uptime, String scheme,
                            int highWaterMark, SortedMap<String, Integer> hosts) {

    public ClusterStatus {
        hosts = new TreeMap<>(hosts);
    }

    /** Hosts not known. */
    public ClusterStatus(String profile, long controllerPid, int engines, Duration uptime, String scheme,
                         int highWaterMark) {
        this(profile, controllerPid, engines, uptime, scheme, highWaterMark, new TreeMap<>(Map.of()));
    }
}

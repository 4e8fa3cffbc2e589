package org.jparallel.controller.launch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jparallel.controller.scheduler.Scheme;

/**
 * How {@link ClusterLauncher#start} starts a cluster.
 *
 * <pre>{@code
 * ClusterOptions options = ClusterOptions.defaults().withEngineJvmOptions(List.of("-Xmx2g"));
 * ClusterOptions roundRobin = ClusterOptions.defaults().withScheme("lru").withHighWaterMark(0);
 * ClusterOptions kept = ClusterOptions.defaults().withRecords("sqlite");
 * }</pre>
 *
 * @param ip                   the address the controller binds
 * @param engineJvmOptions     extra options for each engine JVM
 * @param controllerJvmOptions extra options for the controller JVM
 * @param detach               run the controller in a session of its own (setsid), so it outlives
 *                             the terminal of the process that started it
 * @param timeout              how long to wait for the engines to register
 * @param scheme               how load-balanced tasks pick an engine: leastload, lru, twobin, weighted, plainrandom
 * @param highWaterMark        load-balanced tasks in flight per engine before they wait in the controller; 0 for
 *                             no limit
 * @param ownerPid             a process whose end stops the cluster (the kernel that ran {@code %cluster start}),
 *                             or 0 for none
 */
public record ClusterOptions(String ip, List<String> engineJvmOptions, List<String> controllerJvmOptions,
                             boolean detach, Duration timeout, String scheme, int highWaterMark, long ownerPid) {
    private static final String RECORDS_PROPERTY = "-Djparallel.db=";
    private static final String RECORD_COUNT_PROPERTY = "-Djparallel.taskRecords=";
    private static final String RECORD_BYTES_PROPERTY = "-Djparallel.taskRecordBytes=";
    private static final String LOCATION_PROPERTY = "-Djparallel.location=";

    public ClusterOptions {
        engineJvmOptions = List.copyOf(engineJvmOptions);
        controllerJvmOptions = List.copyOf(controllerJvmOptions);
        Scheme.named(scheme); // an unknown name fails here, listing the known ones, not in the controller's log
        if (highWaterMark < 0) {
            throw new IllegalArgumentException("the high-water mark is 0 (no limit) or more, not " + highWaterMark);
        }
    }

    /** No owner process. */
    public ClusterOptions(String ip, List<String> engineJvmOptions, List<String> controllerJvmOptions, boolean detach,
                          Duration timeout, String scheme, int highWaterMark) {
        this(ip, engineJvmOptions, controllerJvmOptions, detach, timeout, scheme, highWaterMark, 0);
    }

    /** The default scheduler: leastload, one task in flight per engine. */
    public ClusterOptions(String ip, List<String> engineJvmOptions, List<String> controllerJvmOptions, boolean detach,
                          Duration timeout) {
        this(ip, engineJvmOptions, controllerJvmOptions, detach, timeout, "leastload", 1);
    }

    /** 127.0.0.1, default JVM options, attached, 60 s to register. */
    public static ClusterOptions defaults() {
        return new ClusterOptions("127.0.0.1", List.of(), List.of(), false, Duration.ofSeconds(60));
    }

    public ClusterOptions withIp(String address) {
        return new ClusterOptions(address, engineJvmOptions, controllerJvmOptions, detach, timeout, scheme, highWaterMark, ownerPid);
    }

    public ClusterOptions withEngineJvmOptions(List<String> options) {
        return new ClusterOptions(ip, options, controllerJvmOptions, detach, timeout, scheme, highWaterMark, ownerPid);
    }

    public ClusterOptions withDetach(boolean detached) {
        return new ClusterOptions(ip, engineJvmOptions, controllerJvmOptions, detached, timeout, scheme, highWaterMark, ownerPid);
    }

    public ClusterOptions withTimeout(Duration wait) {
        return new ClusterOptions(ip, engineJvmOptions, controllerJvmOptions, detach, wait, scheme, highWaterMark, ownerPid);
    }

    /** Picks engines for load-balanced tasks by this scheme: leastload, lru, twobin, weighted or plainrandom. */
    public ClusterOptions withScheme(String name) {
        return new ClusterOptions(ip, engineJvmOptions, controllerJvmOptions, detach, timeout, name, highWaterMark, ownerPid);
    }

    /** Stops the cluster when the process {@code pid} ends, so a killed kernel leaves no cluster behind. */
    public ClusterOptions withOwner(long pid) {
        return new ClusterOptions(ip, engineJvmOptions, controllerJvmOptions, detach, timeout, scheme, highWaterMark, pid);
    }

    /**
     * Where the controller keeps task records: {@code memory} (bounded, the default) or {@code sqlite}
     * ({@code tasks.db} in the profile folder, kept across restarts).
     *
     * @throws IllegalArgumentException for any other name
     */
    public ClusterOptions withRecords(String store) {
        if (!store.equals("memory") && !store.equals("sqlite")) {
            throw new IllegalArgumentException("task records are kept in memory or sqlite, not " + store);
        }
        return withControllerProperty(RECORDS_PROPERTY, store);
    }

    /**
     * The most task records the controller keeps in memory (the {@code memory} store; default 100,000): past it, the
     * oldest go.
     *
     * @throws IllegalArgumentException unless 1 or more
     */
    public ClusterOptions withMaxRecords(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("the controller keeps 1 task record or more, not " + count);
        }
        return withControllerProperty(RECORD_COUNT_PROPERTY, Integer.toString(count));
    }

    /**
     * The most bytes of results and output those records keep (default: 1 GiB, or a quarter of the controller's heap
     * if less): past it, the oldest go.
     *
     * @throws IllegalArgumentException unless 1 or more
     */
    public ClusterOptions withMaxRecordBytes(long bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("task records keep 1 byte or more, not " + bytes);
        }
        return withControllerProperty(RECORD_BYTES_PROPERTY, Long.toString(bytes));
    }

    /** A system property of the controller's JVM, which it reads as the default of its option of that name. */
    private ClusterOptions withControllerProperty(String option, String value) {
        List<String> controller = new ArrayList<>(controllerJvmOptions);
        controller.removeIf(given -> given.startsWith(option));
        controller.add(option + value);
        return new ClusterOptions(ip, engineJvmOptions, controller, detach, timeout, scheme, highWaterMark, ownerPid);
    }

    /**
     * Connection files that tell processes of other hosts to reach the controller at {@code address} (a host
     * name or address of its host), rather than at {@code ip} or, for every interface, its first routable address.
     */
    public ClusterOptions withLocation(String address) {
        return withControllerProperty(LOCATION_PROPERTY, address);
    }

    /** At most {@code tasks} load-balanced tasks in flight per engine; 0 for no limit. */
    public ClusterOptions withHighWaterMark(int tasks) {
        return new ClusterOptions(ip, engineJvmOptions, controllerJvmOptions, detach, timeout, scheme, tasks, ownerPid);
    }
}

package org.jparallel.controller.launch;

import java.time.Duration;
import java.util.List;

/**
 * How {@link ClusterLauncher#start} starts a cluster.
 *
 * <pre>{@code
 * ClusterOptions options = ClusterOptions.defaults().withEngineJvmOptions(List.of("-Xmx2g"));
 * }</pre>
 *
 * @param ip                   the address the controller binds
 * @param engineJvmOptions     extra options for each engine JVM
 * @param controllerJvmOptions extra options for the controller JVM
 * @param detach               run the controller in a session of its own (setsid), so it outlives
 *                             the terminal of the process that started it
 * @param timeout              how long to wait for the engines to register
 */
public record ClusterOptions(String ip, List<String> engineJvmOptions, List<String> controllerJvmOptions,
                             boolean detach, Duration timeout) {
    public ClusterOptions {
        engineJvmOptions = List.copyOf(engineJvmOptions);
        controllerJvmOptions = List.copyOf(controllerJvmOptions);
    }

    /** 127.0.0.1, default JVM options, attached, 60 s to register. */
    public static ClusterOptions defaults() {
        return new ClusterOptions("127.0.0.1", List.of(), List.of(), false, Duration.ofSeconds(60));
    }

    public ClusterOptions withIp(String address) {
        return new ClusterOptions(address, engineJvmOptions, controllerJvmOptions, detach, timeout);
    }

    public ClusterOptions withEngineJvmOptions(List<String> options) {
        return new ClusterOptions(ip, options, controllerJvmOptions, detach, timeout);
    }

    public ClusterOptions withDetach(boolean detached) {
        return new ClusterOptions(ip, engineJvmOptions, controllerJvmOptions, detached, timeout);
    }

    public ClusterOptions withTimeout(Duration wait) {
        return new ClusterOptions(ip, engineJvmOptions, controllerJvmOptions, detach, wait);
    }
}

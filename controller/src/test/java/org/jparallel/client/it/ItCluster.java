package org.jparallel.client.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jparallel.client.Client;
import org.jparallel.controller.launch.ClusterHandle;
import org.jparallel.controller.launch.ClusterLauncher;
import org.jparallel.controller.launch.ClusterOptions;

/**
 * A real cluster (controller and engine JVMs) under a temporary {@code JPARALLEL_HOME}, shared by a test
 * class. Closing it stops the cluster and fails when any of its processes is left.
 */
final class ItCluster implements AutoCloseable {
    static final String PROFILE = "it";

    private final ClusterLauncher launcher;
    private final ClusterHandle handle;
    private final List<ProcessHandle> processes = new ArrayList<>();

    ItCluster(Path home, int engines) {
        this(home, engines, List.of());
    }

    /** @param controllerJvmOptions e.g. {@code -Djparallel.db=sqlite} */
    ItCluster(Path home, int engines, List<String> controllerJvmOptions) {
        this.launcher = new ClusterLauncher(home);
        ClusterOptions defaults = ClusterOptions.defaults().withTimeout(Duration.ofSeconds(60));
        this.handle = launcher.start(PROFILE, engines, new ClusterOptions(defaults.ip(), defaults.engineJvmOptions(),
                controllerJvmOptions, defaults.detach(), defaults.timeout()));
        remember();
    }

    /** A cluster started with these options, e.g. another scheduling scheme. */
    ItCluster(Path home, int engines, ClusterOptions options) {
        this.launcher = new ClusterLauncher(home);
        this.handle = launcher.start(PROFILE, engines, options.withTimeout(Duration.ofSeconds(60)));
        remember();
    }

    /** Remembers the controller and its engines now, so that close can check each is gone. */
    void remember() {
        ProcessHandle.of(handle.controllerPid()).ifPresent(controller -> {
            if (!processes.contains(controller)) {
                processes.add(controller);
            }
            controller.descendants().filter(p -> !processes.contains(p)).forEach(processes::add);
        });
    }

    Path clientFile() {
        return handle.clientFile();
    }

    ClusterLauncher launcher() {
        return launcher;
    }

    Client connect() {
        return Client.connect(clientFile());
    }

    /** A client whose engines have opened their JShell sessions, which they do on the first request. */
    Client connectReady() {
        Client client = connect();
        try {
            client.all().apply(() -> 0).get();
            return client;
        } catch (RuntimeException | Error e) {
            client.close();
            throw e;
        }
    }

    /** For {@code @AfterAll}: closes what used the cluster, then the cluster; either is null when start-up failed. */
    static void close(AutoCloseable user, ItCluster cluster) throws Exception {
        try {
            if (user != null) {
                user.close();
            }
        } finally {
            if (cluster != null) {
                cluster.close();
            }
        }
    }

    @Override
    public void close() {
        remember();
        launcher.stop(PROFILE);
        List<Long> left = new ArrayList<>();
        for (ProcessHandle process : processes) {
            if (!exited(process, Duration.ofSeconds(10))) {
                left.add(process.pid());
                process.destroyForcibly();
            }
        }
        assertEquals(List.of(), left, "processes outlived their cluster");
    }

    static boolean exited(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return !process.isAlive();
        }
    }
}

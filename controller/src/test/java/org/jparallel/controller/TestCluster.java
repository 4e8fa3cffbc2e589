package org.jparallel.controller;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jparallel.controller.launch.ClusterHandle;
import org.jparallel.controller.launch.ClusterLauncher;
import org.jparallel.controller.launch.ClusterOptions;

/**
 * A real cluster for a test class: a controller JVM and its engines under a temporary
 * {@code JPARALLEL_HOME}. Closing it stops them and checks that no process is left.
 */
final class TestCluster implements AutoCloseable {
    final ClusterLauncher launcher;
    final ClusterHandle handle;
    final TestClient client;
    private final List<ProcessHandle> processes = new ArrayList<>();

    TestCluster(Path home, int engines) throws Exception {
        this.launcher = new ClusterLauncher(home);
        this.handle = launcher.start("test", engines, ClusterOptions.defaults().withTimeout(Duration.ofSeconds(60)));
        ProcessHandle controller = ProcessHandle.of(handle.controllerPid()).orElseThrow();
        processes.add(controller);
        processes.addAll(controller.descendants().toList());
        this.client = new TestClient(handle.clientFile());
    }

    ProcessHandle controller() {
        return processes.get(0);
    }

    @Override
    public void close() {
        client.close();
        List<ProcessHandle> all = new ArrayList<>(processes);
        all.addAll(controller().descendants().toList());
        launcher.stop("test");
        for (ProcessHandle process : all) {
            if (process.isAlive()) {
                process.destroyForcibly();
                assertFalse(true, "process " + process.pid() + " outlived its cluster");
            }
        }
    }
}

package org.jparallel.controller.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerProcessTest {
    @TempDir
    Path home;

    @Test
    void clusterStopsWhenItsOwnerProcessEnds() throws Exception {
        Process owner = new ProcessBuilder("sleep", "120").start();
        ClusterLauncher launcher = new ClusterLauncher(home);
        try {
            ClusterHandle handle = launcher.start("owned", 1, ClusterOptions.defaults()
                    .withTimeout(Duration.ofSeconds(90)).withOwner(owner.pid()));
            ProcessHandle controller = ProcessHandle.of(handle.controllerPid()).orElseThrow();
            List<ProcessHandle> engines = controller.descendants().toList();

            owner.destroyForcibly();

            controller.onExit().get(20, TimeUnit.SECONDS);
            for (ProcessHandle engine : engines) {
                engine.onExit().get(20, TimeUnit.SECONDS);
            }
            assertFalse(controller.isAlive());
            assertTrue(launcher.list().isEmpty(), "no cluster listed after its owner ended");
            Path security = home.resolve("profile_owned").resolve("security");
            try (var left = java.nio.file.Files.list(security)) {
                assertEquals(List.of(), left.map(Path::getFileName).map(Path::toString).toList(),
                        "connection and socket files left behind");
            }
            assertFalse(java.nio.file.Files.exists(home.resolve("profile_owned").resolve("controller.pid")));
        } finally {
            owner.destroyForcibly();
            launcher.stop("owned");
        }
    }
}

package org.jparallel.controller.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jparallel.controller.profile.ProfileDir;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Engines whose JVM cannot start fail the start, or the request for more engines, as soon as their processes
 * have exited, with the reason from their logs: not after the registration timeout (here ten minutes).
 */
class FailedEngineLaunchTest {
    static final Duration PATIENCE = Duration.ofMinutes(10);
    static final Duration AT_ONCE = Duration.ofSeconds(90);
    @TempDir
    Path home;
    ClusterLauncher launcher;

    @AfterEach
    void stop() {
        launcher.stop("failing");
        assertTrue(launcher.list().isEmpty());
    }

    @Test
    void clusterWhoseEnginesCannotStartFailsWithTheirLogs() {
        launcher = new ClusterLauncher(home);
        ClusterOptions broken = ClusterOptions.defaults().withTimeout(PATIENCE).withEngineJvmOptions(List.of("-Xbogus"));

        ClusterException failed = assertTimeoutPreemptively(AT_ONCE,
                () -> assertThrows(ClusterException.class, () -> launcher.start("failing", 2, broken)));

        assertTrue(failed.getMessage().startsWith("2 of 2 engine processes exited before they registered"),
                failed.getMessage());
        assertTrue(failed.getMessage().contains("Unrecognized option: -Xbogus"), failed.getMessage());
    }

    @Test
    void aFailedStartShowsTheLogsOfThisStartOnly() throws Exception {
        launcher = new ClusterLauncher(home);
        Path logs = Files.createDirectories(ProfileDir.of(home, "failing").logDir());
        Path stale = Files.writeString(logs.resolve("engine-7.log"), "an engine of an earlier, bigger cluster\n");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        ClusterOptions broken = ClusterOptions.defaults().withTimeout(PATIENCE).withEngineJvmOptions(List.of("-Xbogus"));

        ClusterException failed = assertThrows(ClusterException.class, () -> launcher.start("failing", 2, broken));

        assertTrue(failed.getMessage().contains("--- engine-0.log"), failed.getMessage());
        assertFalse(failed.getMessage().contains("engine-7.log"), failed.getMessage());
    }

    @Test
    void addedEnginesThatCannotStartFailTheRequest() throws Exception {
        launcher = new ClusterLauncher(home);
        // each engine's JVM reads this file as it starts: good for the first, broken for the next
        Path options = Files.writeString(home.resolve("engine-options"), "-Xms16m");
        ClusterOptions fromFile = ClusterOptions.defaults().withTimeout(PATIENCE)
                .withEngineJvmOptions(List.of("-XX:VMOptionsFile=" + options));
        assertEquals(1, launcher.start("failing", 1, fromFile).engines());
        Files.writeString(options, "-Xbogus");

        ClusterException failed = assertTimeoutPreemptively(AT_ONCE,
                () -> assertThrows(ClusterException.class, () -> launcher.addEngines("failing", 1, PATIENCE)));

        assertTrue(failed.getMessage().startsWith("1 of 1 new engine processes exited before they registered (the"
                + " cluster has 1 engines)"), failed.getMessage());
        assertTrue(failed.getMessage().contains("Unrecognized option: -Xbogus"), failed.getMessage());
    }
}

package org.jparallel.client.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jparallel.client.Client;
import org.jparallel.cluster.Cluster;
import org.jparallel.controller.launch.ClusterException;
import org.jparallel.controller.launch.ClusterHandle;
import org.jparallel.controller.launch.ClusterLauncher;
import org.jparallel.controller.launch.ClusterOptions;
import org.jparallel.controller.launch.EngineHosts;
import org.jparallel.controller.launch.SshTarget;
import org.jparallel.magic.OptionWords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Engines that the controller starts on another host over ssh ({@code jpcluster engines -n K --ssh HOST}). The
 * round trip needs an ssh server that lets this user in without a prompt: {@code .ci/run} starts one on
 * 127.0.0.1:2222 and names it in {@code JPARALLEL_TEST_SSH_HOST} and {@code JPARALLEL_TEST_SSH_COMMAND}; without
 * them that test is skipped. A host ssh cannot reach fails at once, wherever the test runs.
 */
class SshEnginesTest {
    @TempDir
    Path home;

    /** The ssh server the environment names. */
    private static SshTarget testHost() {
        return SshTarget.of(System.getenv("JPARALLEL_TEST_SSH_HOST")).withCommand(OptionWords.split(
                System.getenv().getOrDefault("JPARALLEL_TEST_SSH_COMMAND", "ssh -o BatchMode=yes")));
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "JPARALLEL_TEST_SSH_HOST", matches = ".+")
    void clusterStartedWithEnginesOverSshRunsTasksThere() throws Exception {
        ClusterLauncher launcher = new ClusterLauncher(home);
        ProcessHandle engine;
        try {
            ClusterHandle cluster = launcher.start("over-ssh", 1, ClusterOptions.defaults()
                    .withTimeout(Duration.ofSeconds(90)), testHost());
            assertEquals(1, cluster.engines());
            try (Client rc = Client.connect(cluster.clientFile())) {
                engine = ProcessHandle.of(rc.engine(0).applySync(() -> ProcessHandle.current().pid())).orElseThrow();
                assertFalse(engine.parent().map(ProcessHandle::pid).orElse(-1L) == cluster.controllerPid(),
                        "the engine runs under the ssh server, not as the controller's child");
            }
        } finally {
            launcher.stop("over-ssh");
        }
        engine.onExit().get(30, TimeUnit.SECONDS);
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "JPARALLEL_TEST_SSH_HOST", matches = ".+")
    void programsClusterGrowsOnAnotherHost() throws Exception {
        try (Cluster cluster = Cluster.start(home, "program", 1, ClusterOptions.defaults()
                .withTimeout(Duration.ofSeconds(90)), testHost())) {
            assertEquals(2, cluster.addEngines(1, Duration.ofSeconds(90), testHost()));
            assertEquals(List.of(6, 6), cluster.client().all().applySync(() -> 2 * 3));
        }
        assertTrue(new ClusterLauncher(home).list().isEmpty());
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "JPARALLEL_TEST_SSH_HOST", matches = ".+")
    void clusterOverSeveralHostsGetsEachHostsShare() throws Exception {
        // The test has one ssh server; two shares on it still take two requests, one ssh launch per engine.
        EngineHosts hosts = EngineHosts.spread(3, List.of(testHost(), testHost()));
        assertEquals(List.of(2, 1), hosts.remote().stream().map(EngineHosts.Share::engines).toList());
        try (Cluster cluster = Cluster.start(home, "hosts", hosts, ClusterOptions.defaults()
                .withTimeout(Duration.ofSeconds(120)))) {
            List<Long> pids = cluster.client().all().applySync(() -> ProcessHandle.current().pid());
            assertEquals(3, pids.stream().distinct().count(), pids.toString());
            assertEquals(4, cluster.addEngines(EngineHosts.fromOptions(null, List.of(
                    System.getenv("JPARALLEL_TEST_SSH_HOST") + "=1"), testHost().command(), null, null),
                    Duration.ofSeconds(90)));
            assertEquals(4, cluster.restartEngines(Duration.ofSeconds(120)), "each started again over ssh");
        }
        assertTrue(new ClusterLauncher(home).list().isEmpty());
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "JPARALLEL_TEST_SSH_HOST", matches = ".+")
    void engineStartedOverSshJoinsTheClusterAndStopsWithIt() throws Exception {
        SshTarget host = testHost();
        ProcessHandle engine;
        try (ItCluster cluster = new ItCluster(home, 1); Client rc = cluster.connect()) {
            assertEquals(2, cluster.launcher().addEngines(ItCluster.PROFILE, 1, Duration.ofSeconds(90), host));
            rc.waitForEngines(2, Duration.ofSeconds(30));
            long pid = rc.engine(1).applySync(() -> ProcessHandle.current().pid());
            engine = ProcessHandle.of(pid).orElseThrow();
            long controller = cluster.launcher().list().get(0).controllerPid();
            assertFalse(engine.parent().map(ProcessHandle::pid).orElse(-1L) == controller,
                    "the engine runs under the ssh server, not as the controller's child");
            assertEquals(List.of(1, 1), rc.all().applySync(() -> 1));
            // the same JIT settings as engines of the controller's host: javac and JShell on C1 (a directives file)
            assertTrue(rc.engine(1).applySync(() -> java.lang.management.ManagementFactory.getRuntimeMXBean()
                    .getInputArguments().stream().anyMatch(a -> a.startsWith("-XX:CompilerDirectivesFile="))));
        }
        engine.onExit().get(30, TimeUnit.SECONDS);
        String log = Files.readString(home.resolve("profile_" + ItCluster.PROFILE).resolve("log/controller.log"));
        assertFalse(log.contains("exited before it registered"), log);
    }

    @Test
    void hostThatSshCannotReachFailsTheRequestWithSshsReason() throws Exception {
        SshTarget unreachable = SshTarget.of("127.0.0.1")
                .withCommand(List.of("ssh", "-p", "1", "-o", "BatchMode=yes", "-o", "ConnectTimeout=10"));
        try (ItCluster cluster = new ItCluster(home, 1)) {
            ClusterException failed = assertTimeoutPreemptively(Duration.ofSeconds(90), () -> assertThrows(
                    ClusterException.class,
                    () -> cluster.launcher().addEngines(ItCluster.PROFILE, 1, Duration.ofMinutes(10), unreachable)));
            assertTrue(failed.getMessage().startsWith("1 of 1 new engine processes exited before they registered"),
                    failed.getMessage());
            assertTrue(failed.getMessage().contains("port 1"), failed.getMessage());
        }
    }
}

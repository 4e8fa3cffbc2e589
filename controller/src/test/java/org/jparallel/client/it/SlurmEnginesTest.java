package org.jparallel.client.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jparallel.client.Client;
import org.jparallel.controller.launch.ClusterException;
import org.jparallel.controller.launch.ClusterHandle;
import org.jparallel.controller.launch.ClusterLauncher;
import org.jparallel.controller.launch.ClusterOptions;
import org.jparallel.controller.launch.EngineHosts;
import org.jparallel.controller.launch.SlurmTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Engines that Slurm places ({@code jpcluster start -n K --slurm}): {@code .ci/run} starts a one-node Slurm cluster
 * on the test machine and sets {@code JPARALLEL_TEST_SLURM}; without it these tests are skipped.
 */
@EnabledIfEnvironmentVariable(named = "JPARALLEL_TEST_SLURM", matches = "1")
class SlurmEnginesTest {
    @TempDir
    Path home;

    private static EngineHosts slurm(int n, String... srunOptions) {
        return EngineHosts.spread(n, List.of(SlurmTarget.defaults().withOptions(List.of(srunOptions))));
    }

    @Test
    void clusterOfSlurmTasksRunsTasksAndLeavesNoJobBehind() throws Exception {
        ClusterLauncher launcher = new ClusterLauncher(home);
        try {
            ClusterHandle cluster = launcher.start("slurm", slurm(2), ClusterOptions.defaults()
                    .withTimeout(Duration.ofSeconds(90)));
            assertEquals(2, cluster.engines());
            try (Client rc = Client.connect(cluster.clientFile())) {
                assertEquals(List.of("jparallel-slurm", "jparallel-slurm"),
                        rc.all().applySync(() -> System.getenv("SLURM_JOB_NAME")));
                assertEquals(List.of(true, true), rc.all().applySync(() -> ProcessHandle.current().parent()
                        .flatMap(ProcessHandle::parent).flatMap(p -> p.info().command())
                        .map(command -> command.contains("slurmstepd")).orElse(false)));
            }
        } finally {
            launcher.stop("slurm");
        }
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            while (!squeue("jparallel-slurm").isBlank()) {
                Thread.sleep(200);
            }
        });
    }

    @Test
    void slurmEnginesJoinARunningClusterWithTheOptionsGiven() throws Exception {
        try (ItCluster cluster = new ItCluster(home, 1); Client rc = cluster.connect()) {
            assertEquals(2, cluster.launcher().addEngines(ItCluster.PROFILE, slurm(1, "--job-name=jparallel-joined"),
                    Duration.ofSeconds(90)));
            rc.waitForEngines(2, Duration.ofSeconds(30));
            assertEquals("jparallel-joined", rc.engine(1).applySync(() -> System.getenv("SLURM_JOB_NAME")));
            assertEquals(List.of(1, 1), rc.all().applySync(() -> 1));

            assertEquals(2, cluster.launcher().restartEngines(ItCluster.PROFILE, Duration.ofSeconds(90)));
            rc.waitForEngines(2, Duration.ofSeconds(30));
            List<String> jobNames = new ArrayList<>(rc.all().applySync(() ->
                    String.valueOf(System.getenv("SLURM_JOB_NAME"))));
            Collections.sort(jobNames); // whichever registers first gets the lower id
            assertEquals(List.of("jparallel-joined", "null"), jobNames,
                    "one local engine and one Slurm task again, with their options");
        }
    }

    @Test
    void anSrunOptionSlurmRefusesFailsTheRequestWithItsReason() throws Exception {
        try (ItCluster cluster = new ItCluster(home, 1)) {
            ClusterException failed = assertTimeoutPreemptively(Duration.ofSeconds(90), () -> assertThrows(
                    ClusterException.class, () -> cluster.launcher().addEngines(ItCluster.PROFILE,
                            slurm(1, "--partition=no-such-partition"), Duration.ofMinutes(10))));
            assertTrue(failed.getMessage().startsWith("1 of 1 new engine processes exited before they registered"),
                    failed.getMessage());
            assertTrue(failed.getMessage().contains("partition"), failed.getMessage());
        }
    }

    private static String squeue(String jobName) throws IOException, InterruptedException {
        Process squeue = new ProcessBuilder("squeue", "--noheader", "--name=" + jobName).redirectErrorStream(true)
                .start();
        String out = new String(squeue.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        squeue.waitFor();
        return out;
    }
}

package org.jparallel.cluster;

import static org.jparallel.client.Parallel.range;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jparallel.client.AsyncResult;
import org.jparallel.client.Client;
import org.jparallel.client.Dependency;
import org.jparallel.client.LoadBalancedView;
import org.jparallel.client.Parallel;
import org.jparallel.controller.launch.ClusterAlreadyRunningException;
import org.jparallel.controller.launch.ClusterLauncher;
import org.jparallel.controller.launch.ClusterOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cluster a program starts for itself: ready when started, gone when closed or when the program ends. */
class ClusterTest {
    static final ClusterOptions OPTIONS = ClusterOptions.defaults().withTimeout(Duration.ofSeconds(90));
    @TempDir
    Path home;

    @Test
    void startedClusterRunsTasksAndLeavesNoProcessOnceClosed() throws Exception {
        List<ProcessHandle> processes = new ArrayList<>();
        try (Cluster cluster = Cluster.start(home, "own", 2, OPTIONS)) {
            assertEquals(List.of(0, 1, 4, 9), cluster.client().all().mapSync(x -> x * x, range(4)));
            ProcessHandle controller = ProcessHandle.of(cluster.controllerPid()).orElseThrow();
            processes.add(controller);
            processes.addAll(controller.descendants().toList());
        }
        assertEquals(3, processes.size(), "a controller and two engines");
        for (ProcessHandle process : processes) {
            process.onExit().get(20, TimeUnit.SECONDS);
        }
        assertTrue(new ClusterLauncher(home).list().isEmpty());
    }

    @Test
    void restartedEnginesAreFreshJvmsWithNewIdsAndTheClientGoesOn() throws Exception {
        try (Cluster cluster = Cluster.start(home, "restart", 2, OPTIONS)) {
            Client rc = cluster.client();
            rc.all().executeSync("int remembered = 7;");
            List<Long> before = rc.all().applySync(() -> ProcessHandle.current().pid());

            assertEquals(2, cluster.restartEngines(Duration.ofSeconds(90)));

            rc.waitForEngines(2, Duration.ofSeconds(30));
            assertEquals(List.of(2, 3), rc.ids());
            List<Long> after = rc.all().applySync(() -> ProcessHandle.current().pid());
            assertTrue(after.stream().noneMatch(before::contains), before + " then " + after);
            for (long pid : before) {
                assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "engine " + pid + " lives on");
            }
            assertThrows(RuntimeException.class, () -> rc.all().pullSync("remembered"), "a fresh session");
        }
    }

    @Test
    void aValueLostToARestartIsMadeAgainOnTheNewEnginesForTheTaskThatTakesIt() throws Exception {
        try (Cluster cluster = Cluster.start(home, "remake", 2, OPTIONS)) {
            LoadBalancedView lv = cluster.client().loadBalancedView();
            AsyncResult<int[]> held = lv.withFlags(Parallel.retries(1)).applyAsync(() -> new int[] {1, 2, 3});
            held.waitFor(Duration.ofSeconds(30));
            AsyncResult<Integer> slow = lv.applyAsync(() -> {
                Thread.sleep(60_000); // ended by the restart
                return 0;
            });
            AsyncResult<Integer> consumer = lv.withFlags(Parallel.after(Dependency.all(slow).onEither()))
                    .applyAsync((int[] values) -> values.length, held);

            cluster.restartEngines(Duration.ofSeconds(90));

            assertEquals(3, consumer.get(Duration.ofSeconds(60)), "its one retry was not spent on an engine shutting down");
        }
    }

    @Test
    void shuttingSomeEnginesDownLeavesTheOthersServing() throws Exception {
        try (Cluster cluster = Cluster.start(home, "shrink", 3, OPTIONS)) {
            Client rc = cluster.client();
            List<Long> pids = rc.view(1, 2).applySync(() -> ProcessHandle.current().pid());
            rc.view(1, 2).shutdown();
            for (long pid : pids) {
                ProcessHandle.of(pid).ifPresent(engine -> engine.onExit().join());
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!rc.ids().equals(List.of(0)) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(List.of(0), rc.ids());
            assertEquals(List.of(6), rc.all().applySync(() -> 2 * 3));
        }
    }

    @Test
    void clusterStopsWhenTheProgramThatStartedItIsKilled() throws Exception {
        Path program = Files.writeString(home.resolve("Owner.java"), """
                public class Owner {
                    public static void main(String[] args) throws Exception {
                        var cluster = org.jparallel.cluster.Cluster.start(java.nio.file.Path.of(args[0]), "owned", 1,
                                org.jparallel.controller.launch.ClusterOptions.defaults());
                        System.out.println(cluster.controllerPid());
                        Thread.sleep(120_000);
                    }
                }
                """);
        Process owner = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), program.toString(), home.toString())
                .redirectError(home.resolve("owner.err").toFile()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(owner.getInputStream()))) {
            String line = out.readLine();
            assertNotNull(line, () -> "the program printed nothing: " + read(home.resolve("owner.err")));
            ProcessHandle controller = ProcessHandle.of(Long.parseLong(line.strip())).orElseThrow();
            List<ProcessHandle> engines = controller.descendants().toList();

            owner.destroyForcibly(); // kill -9: no close, no shutdown hook

            controller.onExit().get(30, TimeUnit.SECONDS);
            for (ProcessHandle engine : engines) {
                engine.onExit().get(30, TimeUnit.SECONDS);
            }
            assertTrue(new ClusterLauncher(home).list().isEmpty());
        } finally {
            owner.destroyForcibly().waitFor();
            new ClusterLauncher(home).stop("owned");
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Test
    void addedEnginesJoinTheCluster() {
        try (Cluster cluster = Cluster.start(home, "own", 1, OPTIONS)) {
            assertEquals(2, cluster.addEngines(1, Duration.ofSeconds(90)));
            assertEquals(List.of(0, 1), cluster.client().ids());
        }
    }

    @Test
    void secondClusterInTheSameProfileIsRefused() {
        try (Cluster cluster = Cluster.start(home, "own", 1, OPTIONS)) {
            ClusterAlreadyRunningException refused = assertThrows(ClusterAlreadyRunningException.class,
                    () -> Cluster.start(home, "own", 1, OPTIONS));
            assertTrue(refused.getMessage().contains(String.valueOf(cluster.controllerPid())), refused.getMessage());
        }
    }

    @Test
    void closedClusterHandsOutNoClient() {
        Cluster cluster = Cluster.start(home, "own", 1, OPTIONS);
        Client client = cluster.client();
        cluster.close();
        IllegalStateException refused = assertThrows(IllegalStateException.class, cluster::client);
        assertTrue(refused.getMessage().contains("Cluster.start"), refused.getMessage());
        assertFalse(cluster.toString().isEmpty());
        assertThrows(RuntimeException.class, () -> client.all().applySync(() -> 1));
    }

    @Test
    void clusterOfNoEnginesIsRefusedBeforeAnythingStarts() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Cluster.start(home, "own", 0, OPTIONS));
        assertEquals("a cluster needs 1 or more engines, not 0", refused.getMessage());
    }
}

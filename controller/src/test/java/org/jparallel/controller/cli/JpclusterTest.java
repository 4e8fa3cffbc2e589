package org.jparallel.controller.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jparallel.client.AsyncResult;
import org.jparallel.client.Client;
import org.jparallel.client.LoadBalancedView;
import org.jparallel.controller.profile.ProfileDir;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** {@code jpcluster} as a user runs it: separate processes, a cluster that outlives {@code start --daemonize}. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JpclusterTest {
    @TempDir
    static Path home;
    private final List<ProcessHandle> cluster = new ArrayList<>();
    private Run started;

    record Run(int exit, String out) {
    }

    private Run jpcluster(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), JpclusterMain.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JPARALLEL_HOME", home.toString());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(90, TimeUnit.SECONDS), "jpcluster " + String.join(" ", args) + " hangs");
        return new Run(process.exitValue(), out);
    }

    @BeforeAll
    void startADaemon() throws Exception {
        started = jpcluster("start", "-n", "2", "--profile", "cli", "--daemonize", "--task-records", "3");
        ProfileDir dir = ProfileDir.of(home, "cli");
        dir.liveController().ifPresent(controller -> {
            cluster.add(controller);
            cluster.addAll(controller.descendants().toList());
        });
    }

    @AfterAll
    void leaveNothingRunning() {
        cluster.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    @Order(1)
    void startDaemonizeReturnsOnceTheEnginesAreRegistered() {
        assertEquals(0, started.exit(), started.out());
        assertTrue(started.out().contains("2 engines"), started.out());
        assertTrue(started.out().contains(ProfileDir.of(home, "cli").clientFile().toString()), started.out());
        assertEquals(3, cluster.size(), "a controller and 2 engines: " + cluster);
    }

    @Test
    @Order(2)
    void theConnectionFilesAreReadableByTheOwnerOnly() throws IOException {
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(ProfileDir.of(home, "cli").clientFile())));
    }

    @Test
    @Order(3)
    void listShowsTheRunningCluster() throws Exception {
        Run list = jpcluster("list");
        assertEquals(0, list.exit(), list.out());
        String line = list.out().lines().filter(l -> l.startsWith("cli ")).findFirst().orElseThrow(() ->
                new AssertionError(list.out()));
        List<String> columns = List.of(line.trim().split("\\s+"));
        assertEquals(List.of("cli", String.valueOf(cluster.get(0).pid()), "2"), columns.subList(0, 3));
        assertEquals(java.net.InetAddress.getLocalHost().getHostName() + ":2", columns.get(6),
                "both engines on this host: " + list.out());
    }

    @Test
    @Order(3)
    void theControllerKeepsAsManyTaskRecordsAsStartSaid() {
        try (Client rc = Client.connect(ProfileDir.of(home, "cli").clientFile())) {
            LoadBalancedView lv = rc.loadBalancedView();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                AsyncResult<Integer> ar = lv.apply(() -> 1);
                ar.get();
                ids.add(ar.msgIds().get(0));
            }
            assertEquals(ids.subList(0, 2), rc.resultStatus(ids).unknown());
        }
    }

    @Test
    @Order(3)
    void listOfOneProfileShowsThatClusterAloneOrSaysItIsNotRunning() throws Exception {
        Run cli = jpcluster("list", "--profile", "cli");
        assertEquals(0, cli.exit(), cli.out());
        assertTrue(cli.out().lines().anyMatch(l -> l.startsWith("cli ")), cli.out());
        Run none = jpcluster("list", "--profile", "nosuch");
        assertEquals(1, none.exit(), none.out());
        assertTrue(none.out().contains("no cluster of profile nosuch is running"), none.out());
    }

    @Test
    @Order(4)
    void aSecondStartOfTheSameProfileIsRefused() throws Exception {
        Run again = jpcluster("start", "-n", "1", "--profile", "cli", "--daemonize");
        assertEquals(1, again.exit(), again.out());
        assertTrue(again.out().contains("already running"), again.out());
    }

    @Test
    @Order(5)
    void wrongOptionsPrintUsageAndExit2() throws Exception {
        Run wrong = jpcluster("start", "--engines-typo", "3");
        assertEquals(2, wrong.exit(), wrong.out());
        assertTrue(wrong.out().contains("Usage: jpcluster start"), wrong.out());
    }

    @Test
    @Order(5)
    void aStartOnAnAddressNotOfThisHostSaysWhyWithoutATrace() throws Exception {
        Run elsewhere = jpcluster("start", "-n", "1", "--profile", "elsewhere", "--ip", "192.0.2.1", "--daemonize");
        assertEquals(1, elsewhere.exit(), elsewhere.out());
        assertTrue(elsewhere.out().contains("cannot listen on 192.0.2.1") && !elsewhere.out().contains("\tat "),
                elsewhere.out());
    }

    @Test
    @Order(5)
    void engineFromAFileOfThisHostsControllerPointsToEngines() throws Exception {
        Run run = jpcluster("engine", "--file", ProfileDir.of(home, "cli").engineFile().toString(), "-n", "2");
        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().contains("runs on this host: add engines to it with `jpcluster engines -n 2 --profile cli`"),
                run.out());
    }

    @Test
    @Order(5)
    void restartReplacesTheEnginesWithFreshOnes() throws Exception {
        List<ProcessHandle> oldEngines = List.copyOf(cluster.subList(1, cluster.size()));
        Run restart = jpcluster("restart", "--profile", "cli");
        assertEquals(0, restart.exit(), restart.out());
        assertTrue(restart.out().contains("cluster 'cli' restarted its engines: 2 engines"), restart.out());
        for (ProcessHandle engine : oldEngines) {
            assertFalse(engine.isAlive(), "engine " + engine.pid() + " outlived the restart");
        }
        List<ProcessHandle> newEngines = cluster.get(0).children().toList();
        assertEquals(2, newEngines.size(), newEngines.toString());
        cluster.addAll(newEngines); // stop must end them too
    }

    @Test
    @Order(6)
    void stopEndsTheControllerAndEveryEngine() throws Exception {
        Run stop = jpcluster("stop", "--profile", "cli");
        assertEquals(0, stop.exit(), stop.out());
        for (ProcessHandle process : cluster) {
            assertFalse(process.isAlive(), "process " + process.pid() + " outlived jpcluster stop");
        }
        assertFalse(Files.exists(ProfileDir.of(home, "cli").pidFile()));
        assertTrue(jpcluster("list").out().contains("no cluster is running"));
    }

    @Test
    @Order(7)
    void aStartSignalledBeforeItFinishesLeavesNothingRunning() throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), JpclusterMain.class.getName(),
                "start", "-n", "2", "--profile", "signalled");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("JPARALLEL_HOME", home.toString());
        Process start = builder.start();
        List<ProcessHandle> spawned = List.of();
        for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
             spawned.isEmpty() && start.isAlive() && System.nanoTime() < deadline; Thread.sleep(10)) {
            spawned = start.descendants().toList(); // the controller is spawned, its engines not registered yet
        }
        start.destroy(); // SIGTERM to jpcluster alone, as a kill or a supervisor sends it
        assertTrue(start.waitFor(30, TimeUnit.SECONDS), "jpcluster did not exit on SIGTERM");
        assertFalse(spawned.isEmpty(), "no controller was spawned in 30 s");
        try {
            for (ProcessHandle process : spawned) {
                process.onExit().completeOnTimeout(process, 20, TimeUnit.SECONDS).join();
                assertFalse(process.isAlive(), "process " + process.pid() + " outlived the interrupted start");
            }
        } finally {
            for (ProcessHandle process : spawned) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
    }

    @Test
    @Order(8)
    void twoStartsOfOneProfileAtOnceStartOneCluster() throws Exception {
        var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> quietly("start", "-n", "1", "--profile",
                "twin", "--daemonize"));
        var second = java.util.concurrent.CompletableFuture.supplyAsync(() -> quietly("start", "-n", "1", "--profile",
                "twin", "--daemonize"));
        try {
            List<Run> runs = List.of(first.join(), second.join());
            assertEquals(List.of(0, 1), runs.stream().map(Run::exit).sorted().toList(), runs.toString());
            assertTrue(runs.stream().anyMatch(run -> run.out().contains("already running")), runs.toString());
            assertTrue(jpcluster("list").out().contains("twin"));
        } finally {
            jpcluster("stop", "--profile", "twin");
        }
    }

    private Run quietly(String... args) {
        try {
            return jpcluster(args);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}

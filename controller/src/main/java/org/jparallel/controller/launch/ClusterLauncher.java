package org.jparallel.controller.launch;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jparallel.controller.ControllerMain;
import org.jparallel.controller.profile.ClientConnection;
import org.jparallel.controller.profile.ProfileDir;
import org.jparallel.magic.OptionWords;
import org.jparallel.wire.ConnectionFileException;
import org.jparallel.wire.Message;

/**
 * Starts, lists and stops clusters: a controller JVM per profile and its local engines. What
 * {@code jpcluster} and the kernel's {@code %cluster} magic are built on.
 *
 * <pre>{@code
 * ClusterLauncher launcher = ClusterLauncher.fromEnvironment();   // $JPARALLEL_HOME or ~/.jparallel
 * ClusterHandle cluster = launcher.start("default", 4, ClusterOptions.defaults());   // 4 engines registered
 * launcher.list();   // [ClusterStatus[profile=default, controllerPid=..., engines=4, uptime=PT3S]]
 * launcher.stop("default");
 * }</pre>
 */
public final class ClusterLauncher {
    /** The file a start of a profile holds locked (in the profile's folder; left there, empty). */
    private static final String START_LOCK = "start.lock";
    /** SIGTERMs sent to an abandoned start's controller, 100 ms apart, before it is killed. */
    private static final int ABANDONED_STOP_TRIES = 50;
    /** How the controller's last line begins when it could not start (ControllerMain). */
    private static final String NOT_STARTED = "cannot start the controller: ";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);
    /**
     * The controller runs no user code, only its own message paths, hot from the first task: C1 compiles them
     * within a few hundred messages where C2's profiling tiers kept a fresh controller interpreting for
     * thousands, 9 ms of CPU per apply at first (bench/cluster). The figures are in the README.
     */
    private static final List<String> CONTROLLER_JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xshare:auto",
            "-XX:-UsePerfData", "-XX:TieredStopAtLevel=1");

    private final Path home;

    public ClusterLauncher(Path home) {
        this.home = home.toAbsolutePath();
    }

    public static ClusterLauncher fromEnvironment() {
        return new ClusterLauncher(ProfileDir.home(System.getenv()));
    }

    public Path home() {
        return home;
    }

    /**
     * Starts a controller and {@code engines} local engines, and returns once they have all registered.
     *
     * @throws ClusterAlreadyRunningException when the profile's controller runs already
     * @throws ClusterException when the controller or the engines do not come up in time (the cluster
     *                          is stopped again; the message names the log to read)
     */
    public ClusterHandle start(String profile, int engines, ClusterOptions options) {
        return start(profile, engines, options, null);
    }

    /**
     * Like {@link #start(String, int, ClusterOptions)}, the engines on another host, which the controller starts
     * over ssh (null: on this host).
     */
    public ClusterHandle start(String profile, int engines, ClusterOptions options, SshTarget engineHost) {
        return start(profile, engineHost == null ? EngineHosts.local(engines)
                : EngineHosts.spread(engines, List.of(engineHost)), options);
    }

    /**
     * Like {@link #start(String, int, ClusterOptions)}, the engines where {@code engines} puts them: on this host,
     * on others that the controller reaches over ssh, or where Slurm places them.
     */
    public ClusterHandle start(String profile, EngineHosts engines, ClusterOptions options) {
        ProfileDir dir = ProfileDir.of(home, profile);
        // One start of a profile at a time, across processes: two at once both found none running, and both
        // controllers wrote the profile's files (the engines joined whichever wrote last).
        try {
            Files.createDirectories(dir.dir());
        } catch (IOException e) {
            throw new ClusterException("cannot create the folder of profile " + profile + ": " + e.getMessage(), e);
        }
        try (FileChannel lockFile = FileChannel.open(dir.dir().resolve(START_LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock ignored = lockFile.lock()) {
            return startLocked(profile, dir, engines, options);
        } catch (OverlappingFileLockException e) {
            throw new ClusterException("a start of profile " + profile + " is in progress in this JVM", e);
        } catch (IOException e) {
            throw new ClusterException("cannot lock the profile " + profile + " to start it: " + e.getMessage(), e);
        }
    }

    private ClusterHandle startLocked(String profile, ProfileDir dir, EngineHosts engines, ClusterOptions options) {
        dir.liveController().ifPresent(controller -> {
            throw new ClusterAlreadyRunningException(profile, controller.pid());
        });
        Instant started = Instant.now();
        // A start this JVM does not finish (a SIGINT or SIGTERM to it alone, even as the controller is spawned) must
        // not leave the cluster running with no one to stop it: SIGTERM makes the controller stop its engines and
        // itself. The hook is in place before the spawn, and waits for a spawn under way to end.
        AbandonedStart abandoned = new AbandonedStart();
        Thread abandonedHook = new Thread(abandoned, "jparallel-abandoned-start");
        Runtime.getRuntime().addShutdownHook(abandonedHook);
        Process controller;
        try {
            Files.createDirectories(dir.logDir());
            Files.deleteIfExists(dir.clientFile()); // a stale one would look like the new controller's
            List<String> jvmOptions = new ArrayList<>(CONTROLLER_JVM_OPTIONS);
            jvmOptions.addAll(EarlyCompilation.JVM_OPTIONS);
            jvmOptions.addAll(options.controllerJvmOptions());
            List<String> command = new ArrayList<>();
            if (options.detach() && new File("/usr/bin/setsid").canExecute()) {
                command.add("/usr/bin/setsid");
            }
            command.addAll(JavaCommand.of(jvmOptions, ControllerMain.class.getName(), List.of(
                    "--profile", profile, "--home", home.toString(), "--ip", options.ip(),
                    "-n", String.valueOf(engines.local()), "--scheme", options.scheme(),
                    "--hwm", String.valueOf(options.highWaterMark()),
                    "--engine-jvm-options", OptionWords.join(options.engineJvmOptions()),
                    "--exit-with", String.valueOf(options.ownerPid()))));
            controller = abandoned.spawn(new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.controllerLog().toFile())));
            controller.getOutputStream().close();
        } catch (IOException e) {
            removeHook(abandonedHook);
            throw new ClusterException("cannot start a controller for profile " + profile + ": " + e.getMessage(), e);
        }
        try {
            int registered = awaitEngines(dir, controller, engines, started, started.plus(options.timeout()));
            return new ClusterHandle(profile, controller.pid(), dir.clientFile(), registered);
        } catch (ClusterException e) {
            stop(dir, controller.toHandle());
            throw e;
        } finally {
            removeHook(abandonedHook);
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs: this JVM is exiting before the start finished
        }
    }

    /** The shutdown hook of a start under way: stops the controller it spawned, if it spawned one. */
    private static final class AbandonedStart implements Runnable {
        private Process controller;

        synchronized Process spawn(ProcessBuilder builder) throws IOException {
            controller = builder.start();
            return controller;
        }

        /**
         * A SIGTERM that reaches a JVM in its first moments, before it handles the signal, is lost, so it is sent
         * again until the controller ends, which then stops its engines; one that outlives a few seconds is killed.
         */
        @Override
        public synchronized void run() {
            if (controller == null) {
                return;
            }
            try {
                for (int tries = 0; tries < ABANDONED_STOP_TRIES && controller.isAlive(); tries++) {
                    controller.destroy();
                    controller.waitFor(100, TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (controller.isAlive()) {
                controller.descendants().forEach(ProcessHandle::destroyForcibly);
                controller.destroyForcibly();
            }
        }
    }

    private static int awaitEngines(ProfileDir dir, Process controller, EngineHosts hosts, Instant started,
                                    Instant deadline) {
        ClientConnection connection = awaitClientFile(dir, controller, deadline);
        int engines = hosts.total();
        try (ControllerLink link = ControllerLink.connect(connection)) {
            requestRemoteEngines(link, hosts);
            while (true) {
                Registrations now;
                try {
                    now = registrations(link);
                } catch (ClusterException slow) {
                    now = new Registrations(Set.of(), 0); // a controller still starting up may answer late
                }
                int registered = now.registered();
                if (registered >= engines) {
                    return registered;
                }
                if (now.lostLaunches() > 0 && registered + now.lostLaunches() >= engines) {
                    throw new ClusterException(now.lostLaunches() + " of " + engines + " engine processes exited"
                            + " before they registered; see the logs in " + dir.logDir() + logTails(dir, started));
                }
                if (!controller.isAlive()) {
                    throw died(dir, controller);
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new ClusterException(registered + " of " + engines + " engines registered in time; "
                            + "see the logs in " + dir.logDir() + logTails(dir, started));
                }
                pause(100);
            }
        }
    }

    /**
     * The last lines of each log written since {@code since}, so a failure in a temporary folder (a test, CI) can
     * still be read; the logs of earlier clusters of the profile (more engines, other runs) stay out.
     */
    private static String logTails(ProfileDir dir, Instant since) {
        // file times may be coarser than the clock: a second's slack
        FileTime from = FileTime.from(since.minusSeconds(1));
        StringBuilder tails = new StringBuilder();
        try (var logs = Files.list(dir.logDir())) {
            for (Path log : logs.sorted().toList()) {
                if (Files.getLastModifiedTime(log).compareTo(from) < 0) {
                    continue;
                }
                List<String> lines = Files.readAllLines(log);
                tails.append("\n--- ").append(log.getFileName()).append(" (last lines)\n")
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 8), lines.size())));
            }
        } catch (IOException | UncheckedIOException e) {
            tails.append("\n(logs unreadable: ").append(e.getMessage()).append(')');
        }
        return tails.toString();
    }

    private static ClientConnection awaitClientFile(ProfileDir dir, Process controller, Instant deadline) {
        while (true) {
            try {
                if (Files.exists(dir.clientFile())) {
                    ClientConnection connection = ClientConnection.read(dir.clientFile());
                    if (connection.controllerPid() == controller.pid()) {
                        return connection;
                    }
                }
            } catch (ConnectionFileException e) {
                // being written: look again
            }
            if (!controller.isAlive()) {
                throw died(dir, controller);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new ClusterException("the controller did not write " + dir.clientFile() + " in time; see "
                        + dir.controllerLog());
            }
            pause(50);
        }
    }

    private static ClusterException died(ProfileDir dir, Process controller) {
        String last = lastLines(dir.controllerLog(), 3);
        int said = last.lastIndexOf(NOT_STARTED); // the controller's own word on it, if it had one
        return new ClusterException((said >= 0 ? last.substring(said)
                : "the controller exited with status " + controller.exitValue() + ": " + last)
                + " (log: " + dir.controllerLog() + ")");
    }

    /**
     * Stops the profile's controller and its engines: asks first, then kills what is left.
     *
     * @return false when no cluster of that profile was running
     */
    public boolean stop(String profile) {
        ProfileDir dir = ProfileDir.of(home, profile);
        Optional<ProcessHandle> controller = dir.liveController();
        controller.ifPresent(handle -> stop(dir, handle));
        return controller.isPresent();
    }

    private static void stop(ProfileDir dir, ProcessHandle controller) {
        List<ProcessHandle> engines = new ArrayList<>(controller.descendants().toList());
        try (ControllerLink link = ControllerLink.connect(ClientConnection.read(dir.clientFile()))) {
            JsonObject content = new JsonObject();
            content.addProperty("controller", true);
            link.request("shutdown_request", content, REQUEST_TIMEOUT);
        } catch (ConnectionFileException | TimeoutException | RuntimeException e) {
            controller.destroy(); // no answer: SIGTERM runs the controller's own shutdown
        }
        if (!awaitExit(controller, Duration.ofSeconds(15))) {
            controller.destroyForcibly();
            awaitExit(controller, Duration.ofSeconds(5));
        }
        // Engines also leave when their controller ends; these are the ones that did not in time.
        for (ProcessHandle engine : engines) {
            if (!awaitExit(engine, Duration.ofSeconds(2))) {
                engine.destroyForcibly();
            }
        }
    }

    /** Every profile under the home folder whose controller is alive. */
    public List<ClusterStatus> list() {
        List<ClusterStatus> running = new ArrayList<>();
        if (!Files.isDirectory(home)) {
            return running;
        }
        try (DirectoryStream<Path> profiles = Files.newDirectoryStream(home, "profile_*")) {
            for (Path folder : profiles) {
                ProfileDir dir = ProfileDir.of(home, folder.getFileName().toString().substring("profile_".length()));
                dir.liveController().ifPresent(controller -> {
                    JsonObject about = connectionReply(dir);
                    running.add(new ClusterStatus(dir.name(), controller.pid(),
                            about == null ? -1 : about.getAsJsonObject("engines").size(),
                            controller.info().startInstant().map(start -> Duration.between(start, Instant.now()))
                                    .orElse(Duration.ZERO),
                            about != null && about.has("scheme") ? about.get("scheme").getAsString() : "?",
                            about != null && about.has("hwm") ? about.get("hwm").getAsInt() : -1,
                            about == null ? new TreeMap<>() : enginesByHost(about.getAsJsonObject("engines"))));
                });
            }
        } catch (IOException e) {
            throw new ClusterException("cannot read " + home + ": " + e.getMessage(), e);
        }
        running.sort((a, b) -> a.profile().compareTo(b.profile()));
        return running;
    }

    /** How many engines run on each host, from a {@code connection_reply}'s {@code engines: {id: {pid, host}}}. */
    private static SortedMap<String, Integer> enginesByHost(JsonObject engines) {
        SortedMap<String, Integer> hosts = new TreeMap<>();
        for (String id : engines.keySet()) {
            JsonElement host = engines.get(id).isJsonObject() ? engines.getAsJsonObject(id).get("host") : null;
            hosts.merge(host == null || host.isJsonNull() ? "?" : host.getAsString(), 1, Integer::sum);
        }
        return hosts;
    }

    /**
     * Launches {@code n} more engines in a running cluster and waits for them to register.
     *
     * @return the number of registered engines
     * @throws ClusterException when some of the new engine processes exited before they registered (their logs'
     *                          last lines in the message)
     */
    public int addEngines(String profile, int n, Duration timeout) {
        return addEngines(profile, n, timeout, null);
    }

    /**
     * Like {@link #addEngines(String, int, Duration)}, the engines on another host, which the controller starts
     * over ssh (null: on the controller's host).
     */
    public int addEngines(String profile, int n, Duration timeout, SshTarget host) {
        return addEngines(profile, host == null ? EngineHosts.local(n) : EngineHosts.spread(n, List.of(host)), timeout);
    }

    /**
     * Like {@link #addEngines(String, int, Duration)}, the engines where {@code hosts} puts them: on the
     * controller's host, on others over ssh, or where Slurm places them.
     */
    public int addEngines(String profile, EngineHosts hosts, Duration timeout) {
        int n = hosts.total();
        ProfileDir dir = ProfileDir.of(home, profile);
        if (dir.liveController().isEmpty()) {
            throw new ClusterException("no cluster of profile " + profile + " is running; start one with: "
                    + "jpcluster start -n " + n + " --profile " + profile);
        }
        Instant asked = Instant.now();
        try (ControllerLink link = ControllerLink.connect(ClientConnection.read(dir.clientFile()))) {
            Registrations before = registrations(link);
            if (hosts.local() > 0) {
                requestEngines(link, hosts.local(), null);
            }
            requestRemoteEngines(link, hosts);
            Instant deadline = Instant.now().plus(timeout);
            while (true) {
                Registrations now = registrations(link);
                int lost = now.lostLaunches() - before.lostLaunches();
                if (now.registered() + lost >= before.registered() + n || Instant.now().isAfter(deadline)) {
                    if (lost > 0) {
                        throw new ClusterException(lost + " of " + n + " new engine processes exited before they"
                                + " registered (the cluster has " + now.registered() + " engines); see the logs in "
                                + dir.logDir() + logTails(dir, asked));
                    }
                    return now.registered();
                }
                pause(100);
            }
        } catch (ConnectionFileException | TimeoutException e) {
            throw new ClusterException("cannot reach the controller of profile " + profile + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stops every engine of the cluster and starts again those its controller launched, each the way it was (here,
     * over ssh, through Slurm), as ipyparallel's {@code cluster.restart_engines()}: fresh JVMs whose sessions and
     * class paths are new, with new ids. Waits until they have registered.
     *
     * @return the number of registered engines
     * @throws ClusterException when no cluster runs for the profile, or engines did not come back in time
     */
    public int restartEngines(String profile, Duration timeout) {
        ProfileDir dir = ProfileDir.of(home, profile);
        if (dir.liveController().isEmpty()) {
            throw new ClusterException("no cluster of profile " + profile + " is running");
        }
        try (ControllerLink link = ControllerLink.connect(ClientConnection.read(dir.clientFile()))) {
            Registrations before = registrations(link);
            Instant asked = Instant.now();
            JsonObject reply = link.request("restart_request", new JsonObject(), REQUEST_TIMEOUT).content();
            if (!reply.has("engines")) {
                throw new ClusterException("the controller refused to restart its engines: " + reply);
            }
            int coming = reply.get("engines").getAsInt();
            Instant deadline = Instant.now().plus(timeout);
            while (true) {
                Registrations now = registrations(link);
                int lost = now.lostLaunches() - before.lostLaunches();
                boolean oldGone = now.ids().stream().noneMatch(before.ids()::contains);
                if (oldGone && now.registered() + lost >= coming) {
                    if (lost > 0) {
                        throw new ClusterException(lost + " of " + coming + " restarted engine processes exited"
                                + " before they registered; see the logs in " + dir.logDir() + logTails(dir, asked));
                    }
                    return now.registered();
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new ClusterException("the engines did not come back within " + timeout.toSeconds()
                            + " s: " + now.registered() + " of " + coming + " registered; see the logs in "
                            + dir.logDir());
                }
                pause(100);
            }
        } catch (ConnectionFileException | TimeoutException e) {
            throw new ClusterException("cannot reach the controller of profile " + profile + ": " + e.getMessage(), e);
        }
    }

    /** The controller's {@code connection_reply}, or null when it does not answer. */
    private static JsonObject connectionReply(ProfileDir dir) {
        try (ControllerLink link = ControllerLink.connect(ClientConnection.read(dir.clientFile()))) {
            return link.request("connection_request", new JsonObject(), REQUEST_TIMEOUT).content();
        } catch (ConnectionFileException | TimeoutException | RuntimeException e) {
            return null;
        }
    }

    /** Asks the controller for the engines {@code hosts} puts elsewhere than its own host. */
    private static void requestRemoteEngines(ControllerLink link, EngineHosts hosts) {
        for (EngineHosts.Share share : hosts.remote()) {
            try {
                requestEngines(link, share.engines(), share.site());
            } catch (TimeoutException e) {
                throw new ClusterException("the controller did not answer the request for engines on "
                        + share.site().name() + ": " + e.getMessage(), e);
            }
        }
    }

    /** Asks the controller for {@code n} more engines, at {@code site} or (null) on its own host. */
    private static void requestEngines(ControllerLink link, int n, EngineSite site) throws TimeoutException {
        JsonObject content = new JsonObject();
        content.addProperty("n", n);
        if (site != null) {
            site.addTo(content);
        }
        Message reply = link.request("engines_request", content, REQUEST_TIMEOUT);
        if (!"ok".equals(reply.content().get("status").getAsString())) {
            throw new ClusterException("the controller refused: " + reply.content());
        }
    }

    /** The ids of the engines registered, and launched engine processes that exited before they registered. */
    private record Registrations(Set<String> ids, int lostLaunches) {
        int registered() {
            return ids.size();
        }
    }

    private static Registrations registrations(ControllerLink link) {
        try {
            JsonObject reply = link.request("connection_request", new JsonObject(), REQUEST_TIMEOUT).content();
            JsonElement lost = reply.get("lost_launches");
            return new Registrations(Set.copyOf(reply.getAsJsonObject("engines").keySet()),
                    lost == null ? 0 : lost.getAsInt());
        } catch (TimeoutException e) {
            throw new ClusterException("the controller does not answer: " + e.getMessage(), e);
        }
    }


    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return !process.isAlive();
        }
    }

    private static String lastLines(Path file, int n) {
        try {
            // a trace's frames say where, which the log keeps; the lines around them say what
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.startsWith("\tat ") && !line.startsWith("\t... ")).toList();
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - n), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("interrupted while waiting for the cluster", e);
        }
    }
}

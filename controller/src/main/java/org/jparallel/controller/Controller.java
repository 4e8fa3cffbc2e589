package org.jparallel.controller;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jparallel.controller.hub.ClusterControl;
import org.jparallel.controller.hub.Hub;
import org.jparallel.controller.hub.Links;
import org.jparallel.controller.launch.EngineLauncher;
import org.jparallel.controller.launch.EngineSite;
import org.jparallel.controller.launch.LocalEngineLauncher;
import org.jparallel.controller.profile.ClientConnection;
import org.jparallel.controller.profile.ProfileDir;
import org.jparallel.engine.EngineConnection;
import org.jparallel.wire.BackgroundThreads;
import org.jparallel.wire.ClusterHost;
import org.jparallel.wire.HmacSigner;
import org.jparallel.wire.ListenAddress;
import org.jparallel.wire.MessageCodec;
import org.jparallel.wire.SocketFiles;
import org.jparallel.wire.link.LinkServer;

/**
 * A running controller: the client and engine ROUTER sockets, the hub, heartbeats, and the local
 * engines it launched. Writes the profile's connection files and pid file, and removes them on close.
 *
 * <pre>{@code
 * Controller controller = Controller.start(new ControllerOptions(dir, "127.0.0.1", 4, List.of()));
 * controller.awaitStop();
 * controller.close();   // stops its engines
 * }</pre>
 */
public final class Controller implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Controller.class.getName());
    /** Longer than stopping engines takes (3 s, then they are killed). */
    private static final long CLOSE_WAIT_SECONDS = 15;
    static final long STALE_SOCKET_SWEEP_SECONDS = 10;
    private static final String SIGNATURE_SCHEME = "hmac-sha256";

    private final ControllerOptions options;
    private final EngineLauncher launcher;
    /** The engine processes this controller launched, each with what launched it (to start it again). */
    private final Map<ProcessHandle, EngineLauncher> launched = new ConcurrentHashMap<>();
    private final AtomicInteger launches = new AtomicInteger();
    private final ExecutorService background = Executors.newSingleThreadExecutor(BackgroundThreads.factory("jparallel-controller-tasks"));
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
            BackgroundThreads.factory("jparallel-heartbeat"));
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch closeDone = new CountDownLatch(1);
    private LinkServer clientLink;
    private LinkServer engineLink;
    private Hub hub;

    private Controller(ControllerOptions options) {
        this.options = options;
        this.launcher = new LocalEngineLauncher(options.profile(), options.engineJvmOptions());
    }

    /** Binds, writes the connection files, and launches the engines (which register on their own). */
    public static Controller start(ControllerOptions options) throws IOException {
        Controller controller = new Controller(options);
        try {
            controller.bindAndWriteFiles();
            controller.launchEngines(options.engines());
            return controller;
        } catch (IOException | RuntimeException e) {
            controller.close();
            throw e;
        }
    }

    private void bindAndWriteFiles() throws IOException {
        ProfileDir dir = options.profile();
        String key = UUID.randomUUID().toString();
        MessageCodec codec = new MessageCodec(HmacSigner.create(SIGNATURE_SCHEME, key));
        Links links = new Links() {
            @Override
            public void toClient(List<byte[]> frames) {
                clientLink.send(frames);
            }

            @Override
            public void toEngine(List<byte[]> frames) {
                engineLink.send(frames);
            }

            @Override
            public long clientBacklog(byte[] client) {
                return clientLink.backlog(client);
            }

            @Override
            public void vouchForClient(byte[] client) {
                clientLink.vouchFor(client);
            }

            @Override
            public void vouchForEngine(byte[] link) {
                engineLink.vouchFor(link);
            }
        };
        hub = new Hub(codec, options.scheduler().newScheduler(), links, control(), dir.name(),
                options.records().open(dir.dir()));
        clientLink = LinkServer.bind(options.ip(), "controller-clients", hub::fromClient);
        clientLink.onPeerClosed(hub::clientGone);
        engineLink = LinkServer.bind(options.ip(), "controller-engines", hub::fromEngine);
        int clientPort = clientLink.port();
        int enginePort = engineLink.port();
        String clientSocket = socketFile(clientLink, dir.clientSocket());
        String engineSocket = socketFile(engineLink, dir.engineSocket());
        long pid = ProcessHandle.current().pid();
        Files.createDirectories(dir.logDir());
        ClusterHost host = ClusterHost.current();
        // where engines and clients of other hosts reach this controller
        String location = !options.location().isEmpty() ? options.location()
                : ListenAddress.everyInterface(options.ip()) ? host.location() : options.ip();
        new EngineConnection("tcp", options.ip(), enginePort, key, SIGNATURE_SCHEME, dir.name(), pid, engineSocket,
                host.id(), location).write(dir.engineFile());
        new ClientConnection("tcp", options.ip(), clientPort, enginePort, key, SIGNATURE_SCHEME, dir.name(), pid,
                clientSocket, host.id(), location).write(dir.clientFile());
        Files.writeString(dir.pidFile(), pid + "\n", StandardCharsets.UTF_8);
        timers.scheduleWithFixedDelay(hub::heartbeat, 1, 1, TimeUnit.SECONDS);
        timers.scheduleWithFixedDelay(hub::expireTimeouts, 50, 50, TimeUnit.MILLISECONDS);
        // A kernel or engine killed with kill -9 leaves its bulk socket file; a long-lived cluster gathered them.
        timers.scheduleWithFixedDelay(() -> removeStaleBulkSockets(dir), STALE_SOCKET_SWEEP_SECONDS,
                STALE_SOCKET_SWEEP_SECONDS, TimeUnit.SECONDS);
        LOG.info("controller of profile " + dir.name() + " (pid " + pid + ") listening for clients on "
                + options.ip() + ":" + clientPort + ", engines on " + enginePort);
    }

    /**
     * Lets processes of this host reach {@code server} through a Unix domain socket as well: half the CPU
     * and latency of loopback TCP per message, and faster for big values.
     *
     * @return the socket's file for the connection files, or empty where it cannot listen there
     */
    private static String socketFile(LinkServer server, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return server.listenOn(file) ? file.toString() : "";
    }

    private ClusterControl control() {
        return new ClusterControl() {
            @Override
            public void launchEngines(int n) {
                background.execute(() -> {
                    try {
                        Controller.this.launchEngines(n);
                    } catch (IOException e) {
                        LOG.log(Level.SEVERE, "cannot launch engines", e);
                    }
                });
            }

            @Override
            public void launchEngines(int n, EngineSite site) {
                background.execute(() -> {
                    try {
                        Controller.this.launchEngines(n, site);
                    } catch (IOException e) {
                        LOG.log(Level.SEVERE, "cannot launch engines on " + site.name(), e);
                    }
                });
            }

            @Override
            public int restartEngines() {
                Map<ProcessHandle, EngineLauncher> before = Map.copyOf(launched);
                hub.shutdownEngines();
                background.execute(() -> {
                    stopProcesses(List.copyOf(before.keySet()));
                    for (EngineLauncher by : before.values()) {
                        try {
                            Controller.this.launchEngines(1, by);
                        } catch (IOException e) {
                            LOG.log(Level.SEVERE, "cannot launch an engine again", e);
                        }
                    }
                });
                return before.size();
            }

            @Override
            public void shutdown(boolean controllerToo) {
                background.execute(() -> {
                    if (controllerToo) {
                        stopRequested.countDown();
                    } else {
                        hub.shutdownEngines();
                    }
                });
            }
        };
    }

    /** Launches {@code n} more local engines; each is unregistered the moment its process ends. */
    public void launchEngines(int n) throws IOException {
        launchEngines(n, launcher);
    }

    /** Launches {@code n} more engines elsewhere (over ssh, through Slurm); watched as local ones are. */
    public void launchEngines(int n, EngineSite site) throws IOException {
        launchEngines(n, site.launcher(options.profile(), options.engineJvmOptions()));
    }

    private void launchEngines(int n, EngineLauncher by) throws IOException {
        for (int i = 0; i < n; i++) {
            int index = launches.getAndIncrement();
            ProcessHandle engine;
            try {
                engine = by.launch(index);
            } catch (IOException e) {
                for (int lost = i; lost < n; lost++) {
                    hub.engineLaunchFailed(by + ": " + e.getMessage());
                }
                throw e;
            }
            launched.put(engine, by);
            engine.onExit().thenRun(() -> {
                launched.remove(engine);
                hub.engineProcessEnded(engine.pid(), index, by.logOf(index));
            });
        }
    }

    /** The number of registered engines. */
    public int engineCount() {
        return hub.engineCount();
    }

    /** Blocks until a client asks the controller to shut down. */
    public void awaitStop() throws InterruptedException {
        stopRequested.await();
    }

    /**
     * Stops the engines (asking first, then killing), closes the sockets, removes the profile's files. A second
     * caller waits for the first to finish: main, woken by the stop, must not exit the JVM while the thread that
     * follows the owner process is still removing the files.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            awaitClosed();
            return;
        }
        try {
            closeOnce();
        } finally {
            closeDone.countDown();
        }
    }

    private void awaitClosed() {
        try {
            closeDone.await(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeOnce() {
        stopRequested.countDown();
        if (hub != null) {
            hub.shutdownEngines();
        }
        stopProcesses(List.copyOf(launched.keySet()));
        timers.shutdownNow();
        background.shutdownNow();
        if (clientLink != null) {
            clientLink.close();
        }
        if (engineLink != null) {
            engineLink.close();
        }
        if (hub != null) {
            hub.close();
        }
        ProfileDir dir = options.profile();
        try {
            Files.deleteIfExists(dir.pidFile());
            Files.deleteIfExists(dir.clientFile());
            Files.deleteIfExists(dir.engineFile());
            SocketFiles.removeStaleBulkSockets(dir.clientSocket().getParent());
        } catch (IOException e) {
            LOG.warning("cannot remove the files of profile " + dir.name() + ": " + e.getMessage());
        }
        LOG.info("controller stopped");
    }

    private static void removeStaleBulkSockets(ProfileDir dir) {
        try {
            SocketFiles.removeStaleBulkSockets(dir.clientSocket().getParent());
        } catch (IOException | RuntimeException e) {
            LOG.fine("cannot sweep the bulk sockets of ended processes: " + e);
        }
    }

    private static void stopProcesses(List<ProcessHandle> processes) {
        awaitExit(processes, 3000);
        processes.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroy);
        awaitExit(processes, 2000);
        processes.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        awaitExit(processes, 2000);
    }

    private static void awaitExit(List<ProcessHandle> processes, long millis) {
        try {
            CompletableFuture.allOf(processes.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new))
                    .get(millis, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // some are still alive: the caller escalates
        }
    }
}

package org.jparallel.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jparallel.client.Client;
import org.jparallel.controller.launch.ClusterAlreadyRunningException;
import org.jparallel.controller.launch.ClusterException;
import org.jparallel.controller.launch.ClusterHandle;
import org.jparallel.controller.launch.ClusterLauncher;
import org.jparallel.controller.launch.ClusterOptions;
import org.jparallel.controller.launch.EngineHosts;
import org.jparallel.controller.launch.SshTarget;
import org.jparallel.controller.profile.ProfileDir;

/**
 * A cluster that a program (or a notebook cell) starts and stops itself: a controller and engines on this
 * machine, ready when {@code start} returns. ipyparallel's {@code with ipp.Cluster(n=4) as rc:}.
 *
 * <pre>{@code
 * try (Cluster cluster = Cluster.start(4)) {
 *     Client rc = cluster.client();
 *     rc.all().mapSync(x -> x * x, range(10));     // [0, 1, 4, 9, ...]
 * }                                                // the engines and the controller have stopped
 * }</pre>
 *
 * <p>The cluster belongs to this JVM: closing it stops every process it started, and so does this JVM's
 * end, even by {@code kill -9}. It runs in a profile like any other ({@code jpcluster list} shows it, other
 * clients connect with {@code Client.connect(profile)}); {@link #start(int)} takes the default profile, and
 * fails with a {@link ClusterAlreadyRunningException} when a cluster runs there already.
 */
public final class Cluster implements AutoCloseable {
    private final ClusterLauncher launcher;
    private final ClusterHandle handle;
    private final List<Client> clients = new ArrayList<>();
    private Client client;
    private boolean closed;

    private Cluster(ClusterLauncher launcher, ClusterHandle handle) {
        this.launcher = launcher;
        this.handle = handle;
    }

    /**
     * Starts a controller and {@code engines} engines in the default profile, under {@code $JPARALLEL_HOME}
     * (or {@code ~/.jparallel}), and returns once they have all registered.
     *
     * @throws ClusterAlreadyRunningException when a cluster runs in the default profile already
     * @throws ClusterException when the cluster does not come up; the message names the logs to read
     */
    public static Cluster start(int engines) {
        return start(ProfileDir.DEFAULT_PROFILE, engines);
    }

    /** Like {@link #start(int)}, in {@code profile}. */
    public static Cluster start(String profile, int engines) {
        return start(profile, engines, ClusterOptions.defaults());
    }

    /**
     * Like {@link #start(int)}, in {@code profile} and with {@code options}, e.g.
     * {@code ClusterOptions.defaults().withScheme("lru").withEngineJvmOptions(List.of("-Xmx2g"))}.
     */
    public static Cluster start(String profile, int engines, ClusterOptions options) {
        return start(ClusterLauncher.fromEnvironment().home(), profile, engines, options);
    }

    /** Like {@link #start(String, int, ClusterOptions)}, with profiles under {@code home} instead. */
    public static Cluster start(Path home, String profile, int engines, ClusterOptions options) {
        return start(home, profile, engines, options, null);
    }

    /**
     * Like {@link #start(Path, String, int, ClusterOptions)}, the engines on another host, started over ssh
     * ({@code SshTarget.of("node7")}; null: on this host). The controller runs here, owned by this JVM.
     */
    public static Cluster start(Path home, String profile, int engines, ClusterOptions options, SshTarget engineHost) {
        if (engines < 1) {
            throw new IllegalArgumentException("a cluster needs 1 or more engines, not " + engines);
        }
        return start(home, profile, engineHost == null ? EngineHosts.local(engines)
                : EngineHosts.spread(engines, List.of(engineHost)), options);
    }

    /**
     * Like {@link #start(Path, String, int, ClusterOptions)}, the engines on several hosts, as many on each as
     * {@code engines} says: {@code EngineHosts.spread(8, List.of(SshTarget.of("a"), SshTarget.of("b")))} puts 4 on
     * each. The controller runs here, owned by this JVM.
     */
    public static Cluster start(Path home, String profile, EngineHosts engines, ClusterOptions options) {
        ClusterLauncher launcher = new ClusterLauncher(home);
        ClusterOptions owned = options.ownerPid() == 0 ? options.withOwner(ProcessHandle.current().pid()) : options;
        return new Cluster(launcher, launcher.start(profile, engines, owned));
    }

    /** A client of this cluster, connected on the first call and closed with the cluster. */
    public synchronized Client client() {
        requireOpen();
        if (client == null) {
            client = connect();
        }
        return client;
    }

    /** Another client of this cluster, for a thread of its own; the cluster closes it too. */
    public synchronized Client connect() {
        requireOpen();
        Client connected = Client.connect(handle.clientFile());
        clients.add(connected);
        return connected;
    }

    /**
     * Starts {@code n} more engines and waits up to {@code timeout} for them to register.
     *
     * @return how many engines are registered now
     * @throws ClusterException when some of them exited before they registered; the message names their logs
     */
    public int addEngines(int n, Duration timeout) {
        requireOpen();
        return launcher.addEngines(handle.profile(), n, timeout);
    }

    /** Like {@link #addEngines(int, Duration)}, on another host over ssh ({@code SshTarget.of("node7")}). */
    public int addEngines(int n, Duration timeout, SshTarget host) {
        requireOpen();
        return launcher.addEngines(handle.profile(), n, timeout, host);
    }

    /** Like {@link #addEngines(int, Duration)}, where {@code engines} puts them: on other hosts, over ssh. */
    public int addEngines(EngineHosts engines, Duration timeout) {
        requireOpen();
        return launcher.addEngines(handle.profile(), engines, timeout);
    }

    /**
     * Restarts the engines as fresh JVMs (new sessions, class paths and ids), each where it ran, and waits up to
     * {@code timeout} for them: ipyparallel's {@code cluster.restart_engines()}. Clients stay connected.
     *
     * @return how many engines are registered now
     */
    public int restartEngines(Duration timeout) {
        requireOpen();
        return launcher.restartEngines(handle.profile(), timeout);
    }

    public String profile() {
        return handle.profile();
    }

    /** The connection file clients read, for {@link Client#connect(Path)} in another process. */
    public Path clientFile() {
        return handle.clientFile();
    }

    public long controllerPid() {
        return handle.controllerPid();
    }

    /** Closes the clients this cluster handed out, then stops its engines and its controller. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            clients.forEach(Client::close);
        } finally {
            launcher.stop(handle.profile());
        }
    }

    @Override
    public String toString() {
        return "Cluster[profile " + handle.profile() + ", controller pid " + handle.controllerPid()
                + (closed ? ", stopped]" : "]");
    }

    private synchronized void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the cluster of profile " + handle.profile() + " is stopped; start "
                    + "another with Cluster.start(n)");
        }
    }
}

package org.jparallel.magics.cluster;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.jparallel.client.Client;
import org.jparallel.client.ClusterProfile;
import org.jparallel.client.NoClusterException;
import org.jparallel.controller.launch.ClusterAlreadyRunningException;
import org.jparallel.controller.launch.ClusterException;
import org.jparallel.controller.launch.ClusterHandle;
import org.jparallel.controller.launch.EngineHosts;
import org.jparallel.controller.launch.ClusterLauncher;
import org.jparallel.controller.launch.ClusterStatus;
import org.jparallel.controller.launch.ClusterTable;
import org.jparallel.magic.Magic;
import org.jparallel.magic.MagicCall;
import org.jparallel.magic.MagicContext;
import org.jparallel.magic.MagicException;
import org.jparallel.magic.MagicKind;
import org.jparallel.magic.MagicUsageException;
import org.jparallel.magics.ParallelSession;
import org.jparallel.repl.CellOutcome;

/**
 * {@code %cluster start|stop|list|status}: the notebook's counterpart of ipyparallel's Clusters tab.
 * Starting connects the session's client, so {@code %px} works in the next cell; clusters started here
 * stop with the kernel.
 */
public final class ClusterMagic implements Magic, AutoCloseable {
    private final ParallelSession parallel;
    private final ClusterLauncher launcher;
    private final Set<String> started = new LinkedHashSet<>();
    private final Runnable clustersChanged;

    public ClusterMagic(ParallelSession parallel, ClusterLauncher launcher) {
        this(parallel, launcher, () -> { });
    }

    /** @param clustersChanged runs when this magic starts or stops a cluster: other clients reconnect then */
    public ClusterMagic(ParallelSession parallel, ClusterLauncher launcher, Runnable clustersChanged) {
        this.parallel = parallel;
        this.launcher = launcher;
        this.clustersChanged = clustersChanged;
    }

    @Override
    public String name() {
        return "cluster";
    }

    @Override
    public Set<MagicKind> kinds() {
        return Set.of(MagicKind.LINE);
    }

    @Override
    public String usage() {
        return """
                %cluster start -n N [--profile P]   start a controller and N engines on this machine (without -n:
                    one per processor, as ipcluster); also
                    [--scheme leastload|lru|twobin|weighted|plainrandom] [--hwm N] [--db memory|sqlite]
                    [--engine-jvm-options "-Xmx2g -cp app.jar"] [--ip ADDR] [--location ADDR]
                    [--ssh HOST[=N]]... (engines on other hosts: N each, or -n spread), or --slurm
                    [--slurm-options "-p batch -t 60"] (Slurm places them), as jpcluster start
                %cluster engines -n K [--profile P] [--ssh HOST[=N]]... [--slurm]   add K engines to a running cluster
                    (without -n: one per processor)
                    --ssh also takes [--ssh-command "ssh -p 2222"]; --ssh and --slurm take
                    [--remote-java JAVA] [--remote-jar JAR]
                %cluster stop [--profile P]         stop a cluster and its engines
                %cluster restart [--profile P]      restart its engines as fresh JVMs (new state, class path, ids)
                %cluster list                       the running clusters: profile, controller pid, engines, scheme, hwm, uptime, hosts
                %cluster status [--profile P]       the engines of the cluster %px talks to""";
    }

    @Override
    public CellOutcome run(MagicCall call, MagicContext context) throws MagicUsageException, MagicException {
        ClusterArguments arguments = ClusterArguments.parse(call.arguments(), parallel.profile());
        try {
            switch (arguments.action()) {
                case "start" -> start(arguments);
                case "engines" -> addEngines(arguments);
                case "stop" -> stop(arguments.profile());
                case "restart" -> restart(arguments.profile());
                case "list" -> list();
                case "status" -> status(arguments.profile());
                default -> throw new MagicUsageException("unknown action '" + arguments.action() + "'");
            }
        } catch (ClusterException e) {
            throw new MagicException("ClusterError", e.getMessage());
        }
        return CellOutcome.nothing();
    }

    private void start(ClusterArguments arguments) throws MagicUsageException, MagicException {
        ClusterHandle handle;
        try {
            handle = launcher.start(arguments.profile(),
                    arguments.engines() != null ? arguments.engines() : EngineHosts.onePerProcessor(),
                    arguments.options().withOwner(ProcessHandle.current().pid()));
        } catch (ClusterAlreadyRunningException e) {
            // Started elsewhere (jpcluster in a shell, another notebook): the user wants to work with it here.
            parallel.use(arguments.profile());
            String profile = profileOption(arguments.profile());
            String connect = arguments.profile().equals("default") ? "Client.connect()"
                    : "Client.connect(\"" + arguments.profile() + "\")";
            throw new MagicException("ClusterError", "a cluster of profile " + arguments.profile() + " is running"
                    + " already (controller pid " + e.controllerPid() + "): %px uses it now, and " + connect
                    + " connects to it; %cluster stop" + profile + " stops it, %cluster engines -n K" + profile
                    + " adds engines, %cluster start -n N --profile OTHER starts another");
        }
        synchronized (started) {
            started.add(arguments.profile());
        }
        parallel.use(arguments.profile());
        parallel.disconnect();
        clustersChanged.run();
        try {
            parallel.client().waitForEngines(handle.engines(), Duration.ofSeconds(30));
        } catch (TimeoutException e) {
            throw new MagicException("ClusterError", "the cluster started but its " + handle.engines()
                    + " engines did not reach this kernel within 30 s: " + e.getMessage());
        }
        System.out.println("Cluster '" + handle.profile() + "' is running with " + handle.engines()
                + (handle.engines() == 1 ? " engine" : " engines") + " (controller pid " + handle.controllerPid() + ").");
    }

    private void addEngines(ClusterArguments arguments) throws MagicUsageException, MagicException {
        int now = launcher.addEngines(arguments.profile(),
                arguments.engines() != null ? arguments.engines() : EngineHosts.onePerProcessor(),
                Duration.ofSeconds(60));
        awaitInKernel(arguments.profile(), now, "the new engines registered");
        System.out.println("Cluster '" + arguments.profile() + "' has " + now + (now == 1 ? " engine." : " engines."));
    }

    private void restart(String profile) throws MagicException {
        int now = launcher.restartEngines(profile, Duration.ofSeconds(120));
        awaitInKernel(profile, now, "the engines restarted");
        System.out.println("Cluster '" + profile + "' restarted its engines: " + now
                + (now == 1 ? " engine" : " engines") + ", fresh JVMs with new ids.");
    }

    /**
     * Waits until this kernel's client sees {@code engines} engines of {@code profile}, when %px talks to it, so
     * that the next %px reaches them: the client hears of engines a moment after the controller does.
     */
    private void awaitInKernel(String profile, int engines, String what) throws MagicException {
        if (!profile.equals(parallel.profile())) {
            return;
        }
        try {
            parallel.client().waitForEngines(engines, Duration.ofSeconds(30));
        } catch (TimeoutException e) {
            throw new MagicException("ClusterError", what + " but did not reach this kernel within 30 s: "
                    + e.getMessage());
        }
    }

    private void stop(String profile) throws MagicException {
        if (parallel.talksTo(profile)) {
            // %px goes back to the default profile's cluster (if one runs), not on to a cluster that is gone.
            parallel.disconnect();
            parallel.use(ClusterProfile.DEFAULT);
        } else if (profile.equals(parallel.profile())) {
            parallel.disconnect();
        }
        clustersChanged.run();
        boolean stopped = launcher.stop(profile);
        synchronized (started) {
            started.remove(profile);
        }
        if (!stopped) {
            throw new MagicException("ClusterError", "no cluster is running for profile '" + profile + "'");
        }
        System.out.println("Cluster '" + profile + "' stopped.");
    }

    private void list() {
        List<ClusterStatus> clusters = launcher.list();
        if (clusters.isEmpty()) {
            System.out.println("No cluster is running. Start one with %cluster start -n 4");
            return;
        }
        System.out.print(ClusterTable.of(clusters));
    }

    /** Reports a cluster without making it the one {@code %px} talks to (only {@code %cluster start} does). */
    private void status(String profile) throws MagicException {
        boolean running = launcher.list().stream().anyMatch(cluster -> cluster.profile().equals(profile));
        boolean pxTalksToIt = parallel.talksTo(profile);
        if (!running) {
            if (pxTalksToIt) {
                parallel.disconnect(); // stopped from elsewhere (jpcluster stop): forget its engines
            }
            throw new MagicException("ClusterError", "no cluster is running for profile '" + profile
                    + "': start one with %cluster start -n 4" + profileOption(profile));
        }
        if (pxTalksToIt) {
            System.out.println("Cluster '" + profile + "': engines " + parallel.client().ids());
            return;
        }
        try (Client other = Client.connect(profile)) {
            System.out.println("Cluster '" + profile + "': engines " + other.ids()
                    + " (%px talks to another cluster; %cluster start starts one it talks to)");
        } catch (NoClusterException e) {
            throw new MagicException("ClusterError", "the cluster of profile '" + profile + "' stopped just now");
        }
    }

    private static String profileOption(String profile) {
        return profile.equals(ClusterProfile.DEFAULT) ? "" : " --profile " + profile;
    }

    /** Stops the clusters this kernel started, so none outlives it. */
    @Override
    public void close() {
        synchronized (started) {
            for (String profile : started) {
                launcher.stop(profile);
            }
            started.clear();
        }
    }
}

package org.jparallel.controller.cli;

import java.util.concurrent.Callable;
import org.jparallel.controller.launch.ClusterAlreadyRunningException;
import org.jparallel.controller.launch.ClusterHandle;
import org.jparallel.controller.launch.ClusterLauncher;
import org.jparallel.controller.launch.ClusterOptions;
import org.jparallel.controller.launch.EngineHosts;
import org.jparallel.controller.profile.ProfileDir;
import org.jparallel.magic.OptionWords;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "start", mixinStandardHelpOptions = true,
        description = "Starts a controller and N engines. In the foreground until Ctrl-C, unless --daemonize.")
final class StartCommand extends ClusterCommand implements Callable<Integer> {
    @Option(names = {"-n", "--engines"}, converter = EngineCount.class,
            description = "number of engines (default: one per processor of this host, as ipcluster; with"
                    + " --ssh HOST=N for every host, the sum of those)")
    Integer engines;

    @Option(names = "--profile", defaultValue = ProfileDir.DEFAULT_PROFILE, description = "cluster profile (default: ${DEFAULT-VALUE})")
    String profile;

    @Option(names = "--ip", defaultValue = "127.0.0.1", description = "address the controller binds (default: ${DEFAULT-VALUE})")
    String ip;

    @Option(names = "--location", description = "the address engines and clients of other hosts reach the controller"
            + " at (default: --ip, or this host's first routable address when --ip is *)")
    String location;

    @Option(names = "--daemonize", description = "return once the engines are registered, leaving the cluster running")
    boolean daemonize;

    @Option(names = "--engine-jvm-options", defaultValue = "", description = "options for each engine JVM, e.g. \"-Xmx2g\"; a -cp adds to the engines' class path")
    String engineJvmOptions;

    @Option(names = "--db", defaultValue = "memory",
            description = "where task records are kept: memory (bounded, default) or sqlite (tasks.db in the profile folder, kept across restarts)")
    String db;

    @Option(names = "--task-records", description = "the most task records the controller keeps in memory; the oldest"
            + " go first (default: 100000)")
    Integer taskRecords;

    @Option(names = "--task-record-bytes", description = "the most bytes of results and output those records keep"
            + " (default: 1 GiB, or a quarter of the controller's heap if less)")
    Long taskRecordBytes;

    @Option(names = "--scheme", defaultValue = "leastload",
            description = "how load-balanced tasks pick an engine: leastload (default), lru, twobin, weighted, plainrandom")
    String scheme;

    @Option(names = "--hwm", defaultValue = "1",
            description = "load-balanced tasks in flight per engine before they wait in the controller (default: 1; 0: no limit)")
    int highWaterMark;

    @Mixin
    EngineSiteOptions sites = new EngineSiteOptions();

    StartCommand(ClusterLauncher launcher) {
        super(launcher);
    }

    @Override
    public Integer call() throws Exception {
        ClusterOptions options;
        try {
            options = ClusterOptions.defaults().withIp(ip).withDetach(daemonize)
                    .withEngineJvmOptions(OptionWords.split(engineJvmOptions))
                    .withRecords(db).withScheme(scheme).withHighWaterMark(highWaterMark);
            if (location != null && !location.isBlank()) {
                options = options.withLocation(location.strip());
            }
            if (taskRecords != null) {
                options = options.withMaxRecords(taskRecords);
            }
            if (taskRecordBytes != null) {
                options = options.withMaxRecordBytes(taskRecordBytes);
            }
        } catch (IllegalArgumentException e) {
            System.err.println("jpcluster: " + e.getMessage());
            return 2;
        }
        EngineHosts hosts = sites.engineHosts(engines);
        ClusterHandle cluster;
        try {
            cluster = launcher.start(profile, hosts, options);
        } catch (ClusterAlreadyRunningException e) {
            System.err.println("jpcluster: " + e.getMessage());
            return 1;
        }
        System.out.println("cluster '" + profile + "' started: " + cluster.engines() + (cluster.engines() == 1 ? " engine" : " engines") + ", controller pid "
                + cluster.controllerPid());
        System.out.println("client connection file: " + cluster.clientFile());
        if (daemonize) {
            return 0;
        }
        System.out.println("press Ctrl-C to stop it");
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> launcher.stop(profile), "jpcluster-stop"));
        ProcessHandle.of(cluster.controllerPid()).ifPresent(controller -> controller.onExit().join());
        return 0;
    }
}

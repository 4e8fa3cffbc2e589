package org.jparallel.controller;

import java.net.BindException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.jparallel.controller.profile.ProfileDir;
import org.jparallel.controller.records.RecordOptions;
import org.jparallel.controller.scheduler.SchedulerOptions;
import org.jparallel.controller.scheduler.Scheme;
import org.jparallel.magic.OptionWords;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The controller process: {@code java -cp jparallel.jar org.jparallel.controller.ControllerMain
 * --profile P -n 4}. Runs until a client sends {@code shutdown_request {controller: true}} or the
 * process gets SIGINT/SIGTERM; either way it stops its engines first. {@code jpcluster start} runs it.
 */
@Command(name = "jparallel-controller", mixinStandardHelpOptions = true,
        description = "Runs a jparallel controller and its local engines.")
public final class ControllerMain implements Callable<Integer> {
    @Option(names = "--exit-with", defaultValue = "0",
            description = "stop the cluster when the process with this pid ends (0: never)")
    long ownerPid;

    @Option(names = "--profile", defaultValue = ProfileDir.DEFAULT_PROFILE, description = "cluster profile")
    String profile;

    @Option(names = "--home", description = "the jparallel home folder (default: $JPARALLEL_HOME or ~/.jparallel)")
    Path home;

    @Option(names = "--ip", defaultValue = "127.0.0.1", description = "address to bind")
    String ip;

    @Option(names = "--location", defaultValue = "${sys:jparallel.location:-}",
            description = "the address processes of other hosts reach this one at (default: --ip, or this host's"
                    + " first routable address when --ip is *)")
    String location;

    @Option(names = {"-n", "--engines"}, defaultValue = "0", description = "local engines to launch")
    int engines;

    @Option(names = "--engine-jvm-options", defaultValue = "", description = "options for each engine JVM")
    String engineJvmOptions;

    @Option(names = "--db", defaultValue = "${sys:jparallel.db:-memory}",
            description = "where task records are kept: memory (bounded) or sqlite (tasks.db in the profile folder)")
    String db;

    @Option(names = "--task-records", defaultValue = "${sys:jparallel.taskRecords:-100000}",
            description = "the most task records kept in memory; the oldest go first")
    int taskRecords;

    @Option(names = "--task-record-bytes", defaultValue = "${sys:jparallel.taskRecordBytes:-0}",
            description = "the most bytes of results and output kept in memory; the oldest go first (0: 1 GiB, or a"
                    + " quarter of the heap if less)")
    long taskRecordBytes;

    @Option(names = "--scheme", defaultValue = "leastload",
            description = "how load-balanced tasks pick an engine: leastload, lru, twobin, weighted or plainrandom")
    String scheme;

    @Option(names = "--hwm", defaultValue = "1",
            description = "load-balanced tasks in flight per engine before tasks wait in the controller; 0 for no limit")
    int highWaterMark;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ControllerMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        logToStandardError();
        ProfileDir dir = ProfileDir.of(home != null ? home : ProfileDir.home(System.getenv()), profile);
        if (dir.liveController().filter(p -> p.pid() != ProcessHandle.current().pid()).isPresent()) {
            System.err.println("a controller of profile " + profile + " is already running (pid "
                    + dir.liveController().get().pid() + "); stop it first with: jpcluster stop --profile " + profile);
            return 1;
        }
        List<String> jvmOptions = OptionWords.split(engineJvmOptions);
        Controller controller;
        try {
            controller = Controller.start(new ControllerOptions(dir, ip, engines, jvmOptions,
                    new RecordOptions(db, taskRecords, taskRecordBytes > 0 ? taskRecordBytes
                            : RecordOptions.defaultMaxBytes()),
                    new SchedulerOptions(Scheme.named(scheme), highWaterMark), location));
        } catch (Exception e) {
            // the log's last line, which jpcluster and %cluster quote (ClusterLauncher.NOT_STARTED)
            e.printStackTrace();
            System.err.println("cannot start the controller: " + whyNotStarted(e));
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(controller::close, "jparallel-controller-stop"));
        if (ownerPid > 0) {
            // The kernel that ran %cluster start may be killed before it can stop us: follow it.
            OwnerProcess.whenEnded(ownerPid, controller::close);
        }
        controller.awaitStop();
        controller.close();
        return 0;
    }

    /** What a user can do about a failed start, where it is the address: the rest as the exception says it. */
    private String whyNotStarted(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException bind) {
                return "cannot listen on " + ip + ": " + bind.getMessage() + "; give --ip an address of this host"
                        + " (127.0.0.1, or * for all of them)";
            }
            if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
                return "cannot listen on " + ip + ": no such host; give --ip an address or a name of this host";
            }
        }
        return failure.toString();
    }

    private static void logToStandardError() {
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        System.setProperty("java.util.logging.SimpleFormatter.format", "[controller %1$tF %1$tT.%1$tL %4$s] %5$s%6$s%n");
        Handler handler = new ConsoleHandler();
        handler.setFormatter(new SimpleFormatter());
        handler.setLevel(Level.INFO);
        root.addHandler(handler);
    }
}

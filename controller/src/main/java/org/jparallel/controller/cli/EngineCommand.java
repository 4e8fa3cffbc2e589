package org.jparallel.controller.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jparallel.controller.launch.ClusterLauncher;
import org.jparallel.controller.launch.LocalEngineLauncher;
import org.jparallel.controller.profile.ProfileDir;
import org.jparallel.engine.EngineConnection;
import org.jparallel.magic.OptionWords;
import org.jparallel.wire.ClusterHost;
import org.jparallel.wire.ConnectionFileException;
import org.jparallel.wire.PrivateFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jpcluster engine --file engine.json -n K}: engines for a cluster whose controller runs elsewhere, from a
 * copy of its engine connection file (ipyparallel's {@code ipengine --file}). The file goes where this host's
 * engines of that profile look for it, the engines start with the options {@code jpcluster start} gives its own,
 * and the command stays in the foreground until they stop: with their cluster, or on Ctrl-C, which stops them.
 */
@Command(name = "engine", mixinStandardHelpOptions = true,
        description = "Starts engines on this host for a cluster whose controller runs on another, from a copy of"
                + " its engine connection file; in the foreground until they stop (Ctrl-C stops them).")
final class EngineCommand extends ClusterCommand implements Callable<Integer> {
    private static final long STOP_WAIT_SECONDS = 3;

    @Option(names = "--file", required = true, description = "a copy of the cluster's security/engine.json")
    Path file;

    @Option(names = {"-n", "--engines"}, converter = EngineCount.class,
            defaultValue = "1", description = "number of engines (default: ${DEFAULT-VALUE})")
    int engines;

    @Option(names = "--engine-jvm-options", defaultValue = "", description = "options for each engine JVM, e.g. \"-Xmx2g\"; a -cp adds to the engines' class path")
    String engineJvmOptions;

    EngineCommand(ClusterLauncher launcher) {
        super(launcher);
    }

    @Override
    public Integer call() throws IOException {
        EngineConnection connection;
        try {
            connection = EngineConnection.read(file);
        } catch (ConnectionFileException e) {
            System.err.println("jpcluster: " + e.getMessage());
            return 1;
        }
        ProfileDir dir = ProfileDir.of(launcher.home(), connection.profile());
        if (ClusterHost.isCurrent(connection.host())) {
            System.err.println("jpcluster: the controller of " + file + " runs on this host: add engines to it with"
                    + " `jpcluster engines -n " + engines + " --profile " + connection.profile() + "`");
            return 1;
        }
        PrivateFile.write(dir.engineFile(), Files.readString(file, StandardCharsets.UTF_8));
        LocalEngineLauncher engineLauncher = new LocalEngineLauncher(dir, OptionWords.split(engineJvmOptions));
        List<ProcessHandle> started = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(started), "jpcluster-engines-stop"));
        for (int i = 0; i < engines; i++) {
            synchronized (started) {
                started.add(engineLauncher.launch(i));
            }
        }
        System.out.println(engines + (engines == 1 ? " engine" : " engines") + " started for the controller at "
                + connection.address() + " (profile '" + connection.profile() + "'), logs in " + dir.logDir());
        System.out.println("they stop with their cluster; Ctrl-C stops them");
        System.out.flush();
        for (ProcessHandle engine : started) {
            engine.onExit().join();
        }
        return 0;
    }

    private static void stop(List<ProcessHandle> started) {
        List<ProcessHandle> alive;
        synchronized (started) {
            alive = started.stream().filter(ProcessHandle::isAlive).toList();
        }
        alive.forEach(ProcessHandle::destroy);
        for (ProcessHandle engine : alive) {
            try {
                engine.onExit().get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                engine.destroyForcibly();
            } catch (InterruptedException e) {
                engine.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}

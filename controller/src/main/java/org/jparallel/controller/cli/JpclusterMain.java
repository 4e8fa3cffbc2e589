package org.jparallel.controller.cli;

import java.util.List;
import org.jparallel.controller.launch.ClusterLauncher;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code jpcluster}: start, stop and list clusters. A thin layer over {@link ClusterLauncher}.
 *
 * <pre>
 * jpcluster start -n 4 --daemonize
 * jpcluster list
 * jpcluster engines -n 2
 * jpcluster stop
 * jpcluster engine --file engine.json -n 4   # on another host, with a copy of the cluster's engine file
 * </pre>
 *
 * <p>Exits 0 on success, 1 when the request cannot be done (e.g. the profile runs already), 2 on
 * wrong options.
 */
@Command(name = "jpcluster", mixinStandardHelpOptions = true, version = "jpcluster 0.1.0",
        description = "Starts, lists and stops jparallel clusters (a controller and its engines).",
        subcommands = {StartCommand.class, StopCommand.class, RestartCommand.class, ListCommand.class,
                EnginesCommand.class, EngineCommand.class})
public final class JpclusterMain implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine(ClusterLauncher.fromEnvironment()).execute(args));
    }

    /** The command line, its subcommands working on clusters under the launcher's home folder. */
    public static CommandLine commandLine(ClusterLauncher launcher) {
        CommandLine commandLine = new CommandLine(new JpclusterMain(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (ClusterCommand.class.isAssignableFrom(type)) {
                    return type.getDeclaredConstructor(ClusterLauncher.class).newInstance(launcher);
                }
                return CommandLine.defaultFactory().create(type);
            }
        });
        // picocli prints either "did you mean" suggestions or the usage; a wrong option gets both here.
        commandLine.setParameterExceptionHandler((e, args) -> {
            CommandLine cmd = e.getCommandLine();
            cmd.getErr().println(e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, cmd.getErr());
            cmd.usage(cmd.getErr());
            return cmd.getCommandSpec().exitCodeOnInvalidInput();
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("jpcluster: " + e.getMessage());
            return 1;
        });
        return commandLine;
    }

    @Override
    public void run() {
        List<String> names = List.copyOf(spec.subcommands().keySet()); // from the commands, so that none is left out
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: "
                + String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1));
    }
}

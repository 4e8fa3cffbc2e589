package org.jparallel.controller.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.jparallel.controller.launch.ClusterLauncher;
import org.jparallel.controller.launch.OptionWords;
import org.jparallel.controller.launch.SshTarget;
import org.jparallel.controller.profile.ProfileDir;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "engines", mixinStandardHelpOptions = true,
        description = "Adds K engines to a running cluster, on its host or, with --ssh, on another.")
final class EnginesCommand extends ClusterCommand implements Callable<Integer> {
    @Option(names = {"-n", "--engines"}, required = true, description = "number of engines to add")
    int engines;

    @Option(names = "--profile", defaultValue = ProfileDir.DEFAULT_PROFILE, description = "cluster profile (default: ${DEFAULT-VALUE})")
    String profile;

    @Option(names = "--ssh", description = "start them on this host over ssh (host, user@host, or a Host of ~/.ssh/config);"
            + " the controller must listen where that host reaches it (jpcluster start --ip '*')")
    String sshHost;

    @Option(names = "--ssh-command", defaultValue = "ssh -o BatchMode=yes",
            description = "the ssh command and its options (default: ${DEFAULT-VALUE})")
    String sshCommand;

    @Option(names = "--remote-java", defaultValue = "java", description = "java on that host (default: ${DEFAULT-VALUE})")
    String remoteJava;

    @Option(names = "--remote-jar", defaultValue = "",
            description = "jparallel's jar on that host (default: the path of this host's)")
    String remoteJar;

    EnginesCommand(ClusterLauncher launcher) {
        super(launcher);
    }

    @Override
    public Integer call() {
        if (engines < 1) {
            System.err.println("jpcluster: -n needs 1 or more engines");
            return 2;
        }
        SshTarget host = sshHost == null ? null : SshTarget.of(sshHost).withCommand(OptionWords.split(sshCommand))
                .withJava(remoteJava).withJar(remoteJar);
        int now = launcher.addEngines(profile, engines, Duration.ofSeconds(60), host);
        System.out.println("cluster '" + profile + "' has " + now + " engines");
        return 0;
    }
}

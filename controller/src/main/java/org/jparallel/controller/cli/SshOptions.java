package org.jparallel.controller.cli;

import org.jparallel.controller.launch.OptionWords;
import org.jparallel.controller.launch.SshTarget;
import picocli.CommandLine.Option;

/** The options of {@code jpcluster start} and {@code engines} that put engines on another host, over ssh. */
final class SshOptions {
    @Option(names = "--ssh", description = "start the engines on this host over ssh (host, user@host, or a Host of"
            + " ~/.ssh/config); the controller must listen where that host reaches it (--ip '*')")
    String host;

    @Option(names = "--ssh-command", defaultValue = "ssh -o BatchMode=yes",
            description = "the ssh command and its options (default: ${DEFAULT-VALUE})")
    String command;

    @Option(names = "--remote-java", defaultValue = "java", description = "java on that host (default: ${DEFAULT-VALUE})")
    String java;

    @Option(names = "--remote-jar", defaultValue = "",
            description = "jparallel's jar on that host (default: the path of this host's)")
    String jar;

    /** The host the options name, or null for engines on the controller's own host. */
    SshTarget target() {
        return host == null ? null
                : SshTarget.of(host).withCommand(OptionWords.split(command)).withJava(java).withJar(jar);
    }
}

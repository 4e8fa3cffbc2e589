package org.jparallel.controller.cli;

import org.jparallel.controller.launch.OptionWords;
import org.jparallel.controller.launch.SshTarget;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options of {@code jpcluster start} and {@code engines} that put engines on another host, over ssh. */
final class SshOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--ssh", description = "start the engines on this host over ssh (host, user@host, or a Host of"
            + " ~/.ssh/config); the controller must listen where that host reaches it (--ip '*')")
    String host;

    // No picocli defaults below: SshTarget.fromOptions refuses these without --ssh, so it must see which were given.
    @Option(names = "--ssh-command", description = "the ssh command and its options (default: ssh -o BatchMode=yes)")
    String sshCommand;

    @Option(names = "--remote-java", description = "java on that host (default: java)")
    String java;

    @Option(names = "--remote-jar", description = "jparallel's jar on that host (default: the path of this host's)")
    String jar;

    /**
     * The host the options name, or null for engines on the controller's own host.
     *
     * @throws ParameterException when the other options come without {@code --ssh} (picocli prints the usage)
     */
    SshTarget target() {
        try {
            return SshTarget.fromOptions(host, sshCommand == null ? null : OptionWords.split(sshCommand), java, jar);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(mixee.commandLine(), e.getMessage());
        }
    }
}

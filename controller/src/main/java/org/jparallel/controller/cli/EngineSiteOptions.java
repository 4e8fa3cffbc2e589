package org.jparallel.controller.cli;

import java.util.ArrayList;
import java.util.List;
import org.jparallel.controller.launch.EngineHosts;
import org.jparallel.magic.OptionWords;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options of {@code jpcluster start} and {@code engines} that put engines elsewhere: over ssh, or through Slurm.
 */
final class EngineSiteOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--ssh", paramLabel = "HOST[=N]", description = "start engines on this host over ssh (host,"
            + " user@host, or a Host of ~/.ssh/config), N of them or -n spread over the hosts without a count; repeat"
            + " for several hosts. The controller must listen where they reach it (--ip '*')")
    List<String> hosts = new ArrayList<>();

    @Option(names = "--slurm", description = "let Slurm place the engines: one srun task each, launched from this"
            + " host (the nodes need java and the jar; the controller must listen where they reach it: --ip '*')")
    boolean slurm;

    // No picocli defaults below: EngineHosts.fromOptions refuses these without --ssh or --slurm, so it must see
    // which were given.
    @Option(names = "--slurm-options", description = "srun's options for each engine, e.g. \"-p batch -t 60 --mem=4G\"")
    String slurmOptions;

    @Option(names = "--ssh-command", description = "the ssh command and its options (default: ssh -o BatchMode=yes)")
    String sshCommand;

    @Option(names = "--remote-java", description = "java on those hosts or Slurm nodes (default: java)")
    String java;

    @Option(names = "--remote-jar",
            description = "jparallel's jar on those hosts or Slurm nodes (default: the path of this host's)")
    String jar;

    /**
     * Where the engines go: {@code n} on the controller's host, or on the hosts {@code --ssh} names.
     *
     * @param n {@code -n}, or null when it was not given
     * @throws ParameterException when the options do not add up (picocli prints the usage)
     */
    EngineHosts engineHosts(Integer n) {
        try {
            if (slurmOptions != null && !slurm) {
                throw new IllegalArgumentException("--slurm-options go with --slurm");
            }
            return EngineHosts.fromOptions(n, hosts, slurm ? OptionWords.split(slurmOptions == null ? "" : slurmOptions)
                    : null, sshCommand == null ? null : OptionWords.split(sshCommand), java, jar);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(mixee.commandLine(), e.getMessage());
        }
    }
}

package org.jparallel.magics.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jparallel.controller.launch.ClusterOptions;
import org.jparallel.controller.launch.EngineHosts;
import org.jparallel.controller.launch.SshTarget;
import org.jparallel.magic.MagicUsageException;
import org.jparallel.magic.OptionWords;

/**
 * The arguments of {@code %cluster}: an action, then {@code -n N}, {@code --profile P} and, for {@code start},
 * the options {@code jpcluster start} takes: {@code --ip}, {@code --location}, {@code --engine-jvm-options "..."},
 * {@code --db}, {@code --scheme} and {@code --hwm}; for {@code start} and {@code engines}, {@code --ssh HOST[=N]}
 * (repeated for several hosts) to put the engines on other hosts, with {@code jpcluster}'s
 * {@code --ssh-command "ssh -p 2222"}, {@code --remote-java} and {@code --remote-jar}, or {@code --slurm} (with
 * {@code --slurm-options "-p batch"}) to let Slurm place them.
 *
 * @param action  start, engines, stop, restart, list or status
 * @param engines where the engines to start or add go ({@code -n}, {@code --ssh} and its companions), or null
 *                when neither {@code -n} nor {@code --ssh} was given
 * @param profile the cluster's profile
 * @param options how to start it (ownerless: the magic adds the kernel as its owner)
 */
record ClusterArguments(String action, EngineHosts engines, String profile, ClusterOptions options) {
    private static final Set<String> SSH = Set.of("--ssh", "--ssh-command", "--remote-java", "--remote-jar", "--slurm",
            "--slurm-options");
    private static final Set<String> COUNT = Set.of("-n", "--n", "--engines");
    /** The options each action takes: an option it would ignore is refused, so that nothing silently does nothing. */
    private static final Map<String, Set<String>> ACCEPTED = Map.of(
            "start", union(COUNT, SSH, Set.of("--profile", "--ip", "--location", "--engine-jvm-options", "--db",
                    "--scheme", "--hwm")),
            "engines", union(COUNT, SSH, Set.of("--profile")),
            "stop", Set.of("--profile"),
            "restart", Set.of("--profile"),
            "status", Set.of("--profile"),
            "list", Set.of());
    private static final Set<String> KNOWN = ACCEPTED.get("start");

    static ClusterArguments parse(String line, String currentProfile) throws MagicUsageException {
        List<String> words;
        try {
            words = OptionWords.split(OptionWords.withoutComment(line));
        } catch (IllegalArgumentException e) {
            throw new MagicUsageException(e.getMessage());
        }
        if (words.isEmpty()) {
            throw new MagicUsageException("%cluster needs an action: start, engines, stop, restart, list or status");
        }
        String action = words.get(0);
        Set<String> accepted = ACCEPTED.get(action);
        if (accepted == null) {
            throw new MagicUsageException("unknown action '" + action + "'");
        }
        Integer engines = null;
        String profile = currentProfile;
        ClusterOptions options = ClusterOptions.defaults();
        List<String> sshHosts = new ArrayList<>();
        boolean slurm = false;
        List<String> slurmOptions = null;
        List<String> sshCommand = null;
        String remoteJava = null;
        String remoteJar = null;
        try {
            for (int i = 1; i < words.size(); i++) {
                String word = words.get(i);
                String value = word.startsWith("-") && word.contains("=") ? word.substring(word.indexOf('=') + 1) : null;
                String option = value == null ? word : word.substring(0, word.indexOf('='));
                if (!accepted.contains(option)) {
                    throw new MagicUsageException(KNOWN.contains(option) ? "%cluster " + action + " takes no " + option
                            : option.startsWith("-") ? "unknown option " + option : "unexpected '" + word + "'");
                }
                if (option.equals("--slurm")) { // a flag: no value
                    slurm = true;
                    continue;
                }
                if (value == null) {
                    value = next(words, ++i, option);
                }
                switch (option) {
                    case "-n", "--n", "--engines" -> engines = number(value, option);
                    case "--profile" -> profile = value;
                    case "--ip" -> options = options.withIp(value);
                    case "--location" -> options = options.withLocation(value);
                    case "--engine-jvm-options" -> options = options.withEngineJvmOptions(OptionWords.split(value));
                    case "--db" -> options = options.withRecords(value);
                    case "--scheme" -> options = options.withScheme(value);
                    case "--hwm" -> options = options.withHighWaterMark(number(value, option));
                    case "--ssh" -> sshHosts.add(value);
                    case "--ssh-command" -> sshCommand = OptionWords.split(value);
                    case "--remote-java" -> remoteJava = value;
                    case "--remote-jar" -> remoteJar = value;
                    case "--slurm-options" -> slurmOptions = OptionWords.split(value);
                    default -> throw new MagicUsageException("unknown option " + word);
                }
            }
            if (slurmOptions != null && !slurm) {
                throw new MagicUsageException("--slurm-options go with --slurm");
            }
            List<String> srunOptions = slurm ? (slurmOptions == null ? List.of() : slurmOptions) : null;
            EngineHosts hosts = engines == null && sshHosts.isEmpty() && !slurm
                    ? checkedCompanions(sshCommand, remoteJava, remoteJar)
                    : EngineHosts.fromOptions(engines, sshHosts, srunOptions, sshCommand, remoteJava, remoteJar);
            return new ClusterArguments(action, hosts, profile, options);
        } catch (IllegalArgumentException e) {
            throw new MagicUsageException(e.getMessage());
        }
    }

    /** No engines were asked for; {@code --ssh-command} and the others would be refused without a host. */
    private static EngineHosts checkedCompanions(List<String> sshCommand, String java, String jar) {
        SshTarget.fromOptions(null, sshCommand, java, jar);
        return null;
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        return Arrays.stream(sets).flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());
    }

    private static String next(List<String> words, int i, String option) throws MagicUsageException {
        if (i >= words.size()) {
            throw new MagicUsageException(option + " needs a value");
        }
        return words.get(i);
    }

    private static int number(String text, String option) throws MagicUsageException {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new MagicUsageException(option + " needs a number, not '" + text + "'");
        }
    }
}

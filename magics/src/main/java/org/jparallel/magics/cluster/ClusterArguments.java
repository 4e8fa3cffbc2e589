package org.jparallel.magics.cluster;

import java.util.List;
import org.jparallel.controller.launch.ClusterOptions;
import org.jparallel.controller.launch.OptionWords;
import org.jparallel.controller.launch.SshTarget;
import org.jparallel.magic.MagicUsageException;

/**
 * The arguments of {@code %cluster}: an action, then {@code -n N}, {@code --profile P} and, for {@code start},
 * the options {@code jpcluster start} takes: {@code --ip}, {@code --location}, {@code --engine-jvm-options "..."},
 * {@code --db}, {@code --scheme} and {@code --hwm}; for {@code start} and {@code engines}, {@code --ssh HOST} and
 * {@code --ssh-command "ssh -p 2222"} to put the engines on another host.
 *
 * @param action  start, engines, stop, list or status
 * @param engines the number of engines to start, or to add (0 when not given)
 * @param profile the cluster's profile
 * @param options how to start it (ownerless: the magic adds the kernel as its owner)
 * @param engineHost the host to start engines on over ssh ({@code --ssh}, {@code --ssh-command}), or null for this one
 */
record ClusterArguments(String action, int engines, String profile, ClusterOptions options, SshTarget engineHost) {

    static ClusterArguments parse(String line, String currentProfile) throws MagicUsageException {
        List<String> words;
        try {
            words = OptionWords.split(line);
        } catch (IllegalArgumentException e) {
            throw new MagicUsageException(e.getMessage());
        }
        if (words.isEmpty()) {
            throw new MagicUsageException("%cluster needs an action: start, engines, stop, list or status");
        }
        String action = words.get(0);
        if (!List.of("start", "engines", "stop", "list", "status").contains(action)) {
            throw new MagicUsageException("unknown action '" + action + "'");
        }
        int engines = 0;
        String profile = currentProfile;
        ClusterOptions options = ClusterOptions.defaults();
        String sshHost = null;
        List<String> sshCommand = null;
        try {
            for (int i = 1; i < words.size(); i++) {
                String word = words.get(i);
                String value = word.startsWith("-") && word.contains("=") ? word.substring(word.indexOf('=') + 1) : null;
                String option = value == null ? word : word.substring(0, word.indexOf('='));
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
                    case "--ssh" -> sshHost = value;
                    case "--ssh-command" -> sshCommand = OptionWords.split(value);
                    default -> throw new MagicUsageException("unknown option " + word);
                }
            }
            SshTarget engineHost = sshHost == null ? null : SshTarget.of(sshHost);
            if (engineHost != null && sshCommand != null) {
                engineHost = engineHost.withCommand(sshCommand);
            }
            return new ClusterArguments(action, engines, profile, options, engineHost);
        } catch (IllegalArgumentException e) {
            throw new MagicUsageException(e.getMessage());
        }
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

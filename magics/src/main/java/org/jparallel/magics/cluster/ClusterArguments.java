package org.jparallel.magics.cluster;

import org.jparallel.magic.MagicUsageException;

/**
 * The arguments of {@code %cluster}: an action, then {@code -n N} and {@code --profile P}.
 *
 * @param action  start, stop, list or status
 * @param engines the number of engines to start (0 when not given)
 * @param profile the cluster's profile
 */
record ClusterArguments(String action, int engines, String profile) {

    static ClusterArguments parse(String line, String currentProfile) throws MagicUsageException {
        String[] words = line.strip().isEmpty() ? new String[0] : line.strip().split("\\s+");
        if (words.length == 0) {
            throw new MagicUsageException("%cluster needs an action: start, stop, list or status");
        }
        String action = words[0];
        if (!action.equals("start") && !action.equals("stop") && !action.equals("list") && !action.equals("status")) {
            throw new MagicUsageException("unknown action '" + action + "'");
        }
        int engines = 0;
        String profile = currentProfile;
        for (int i = 1; i < words.length; i++) {
            String word = words[i];
            String value = word.contains("=") ? word.substring(word.indexOf('=') + 1) : null;
            String option = value == null ? word : word.substring(0, word.indexOf('='));
            switch (option) {
                case "-n", "--n", "--engines" -> engines = count(value != null ? value : next(words, ++i, option));
                case "--profile" -> profile = value != null ? value : next(words, ++i, option);
                default -> throw new MagicUsageException("unknown option " + word);
            }
        }
        return new ClusterArguments(action, engines, profile);
    }

    private static String next(String[] words, int i, String option) throws MagicUsageException {
        if (i >= words.length) {
            throw new MagicUsageException(option + " needs a value");
        }
        return words[i];
    }

    private static int count(String text) throws MagicUsageException {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new MagicUsageException("-n needs a number of engines, not '" + text + "'");
        }
    }
}

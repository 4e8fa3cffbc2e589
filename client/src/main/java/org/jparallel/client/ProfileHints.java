package org.jparallel.client;

/**
 * The commands an error message suggests, for the profile at hand: a hint followed as written must act on the
 * client's own cluster, not on the default profile's.
 */
final class ProfileHints {
    private static final String DEFAULT = "default";

    private ProfileHints() {
    }

    /** {@code " --profile P"} to append to a {@code jpcluster} or {@code %cluster} command; empty for the default. */
    static String option(String profile) {
        return DEFAULT.equals(profile) ? "" : " --profile " + profile;
    }

    /** How to connect to this profile's cluster: {@code Client.connect()} or {@code Client.connect("P")}. */
    static String connect(String profile) {
        return DEFAULT.equals(profile) ? "Client.connect()" : "Client.connect(\"" + profile + "\")";
    }
}

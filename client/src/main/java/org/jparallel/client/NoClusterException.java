package org.jparallel.client;

/**
 * No cluster runs for the profile asked for: its connection file is missing, or its controller has exited.
 *
 * <pre>{@code
 * try {
 *     Client rc = Client.connect();
 * } catch (NoClusterException e) {
 *     // no cluster is running for profile 'default': start one with `jpcluster start -n 4` or `%cluster start -n 4`
 * }
 * }</pre>
 */
public final class NoClusterException extends ClusterException {
    private final String profile;

    public NoClusterException(String profile, String detail) {
        super("no cluster is running for profile '" + profile + "': start one with `jpcluster start -n 4"
                + ProfileHints.option(profile) + "` or `%cluster start -n 4" + ProfileHints.option(profile) + "`"
                + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")"));
        this.profile = profile;
    }

    /** The profile that has no running cluster. */
    public String profile() {
        return profile;
    }
}

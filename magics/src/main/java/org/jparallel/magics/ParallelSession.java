package org.jparallel.magics;

import java.nio.file.Path;
import java.util.Optional;
import org.jparallel.client.AsyncResult;
import org.jparallel.client.Client;
import org.jparallel.client.NoClusterException;
import org.jparallel.magic.MagicException;
import org.jparallel.magics.px.PxOptions;

/**
 * What the parallel magics of one kernel share: the client of the cluster they talk to, the
 * {@code %pxconfig} defaults, and the last {@code %px} result for {@code %pxresult}.
 *
 * <p>The client connects lazily, so {@code %px} works after {@code jpcluster start} in a shell as
 * well as after {@code %cluster start} in a cell.
 */
public final class ParallelSession implements AutoCloseable {
    private Client client;
    private String profile = "default";
    /** The client connection file to connect with instead of the profile's, for an activated view; or null. */
    private Path clientFile;
    private volatile PxOptions defaults = PxOptions.defaults();
    private volatile AsyncResult<?> last;

    /** The client of the current profile's cluster, connecting on first use. */
    public synchronized Client client() throws MagicException {
        if (client != null && client.controllerExited()) {
            disconnect(); // its cluster was stopped: a running one (a new start) or "no cluster", not "no engines"
        }
        if (client == null) {
            try {
                client = clientFile != null ? Client.connect(clientFile) : Client.connect(profile);
            } catch (NoClusterException e) {
                String option = profile.equals("default") ? "" : " --profile " + profile;
                throw new MagicException("ClusterError", "no cluster is running for profile '" + profile + "': start"
                        + " one with %cluster start -n 4" + option + "; for a cluster of another profile, %cluster"
                        + " start --profile P points %px at it if it runs, and so does rc.all().activate() for a"
                        + " client connected to it");
            }
        }
        return client;
    }

    /** Switches to a profile's cluster, e.g. after {@code %cluster start --profile P}. */
    public synchronized void use(String newProfile) {
        if (!newProfile.equals(profile) || clientFile != null) {
            disconnect();
            profile = newProfile;
            clientFile = null;
        }
    }

    /** Switches to the cluster of this client connection file, e.g. for {@code view.activate()}. */
    public synchronized void use(Path newClientFile) {
        if (!newClientFile.equals(clientFile)) {
            disconnect();
            clientFile = newClientFile;
        }
    }

    public synchronized String profile() {
        return profile;
    }

    /** Whether {@code %px} talks to the cluster of this profile (and not to an activated view's connection file). */
    public synchronized boolean talksTo(String someProfile) {
        return clientFile == null && profile.equals(someProfile);
    }

    /** Closes the client, e.g. because its cluster was stopped. */
    public synchronized void disconnect() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    public PxOptions defaults() {
        return defaults;
    }

    public void defaults(PxOptions options) {
        this.defaults = options;
    }

    public Optional<AsyncResult<?>> last() {
        return Optional.ofNullable(last);
    }

    public void last(AsyncResult<?> result) {
        this.last = result;
    }

    @Override
    public void close() {
        disconnect();
    }
}

package org.jparallel.controller.launch;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Optional;
import org.jparallel.controller.profile.ProfileDir;

/**
 * Where engines run when not beside the controller, and how they get there: on a host over ssh
 * ({@link SshTarget}), or wherever a Slurm cluster places them ({@link SlurmTarget}), as ipyparallel's SSH and
 * batch launchers do.
 */
public sealed interface EngineSite permits SshTarget, SlurmTarget {

    /** How messages name it: the host, or Slurm with its options. */
    String name();

    /** What starts engines there for a controller of profile {@code dir}, with these engine JVM options. */
    EngineLauncher launcher(ProfileDir dir, List<String> jvmOptions);

    /** Adds this site to an {@code engines_request}'s content, where {@link #of(JsonObject)} finds it. */
    void addTo(JsonObject request);

    /** The site an {@code engines_request} names, or empty for the controller's own host. */
    static Optional<EngineSite> of(JsonObject request) {
        JsonElement ssh = request.get("ssh");
        if (ssh != null && ssh.isJsonObject()) {
            return Optional.of(SshTarget.fromJson(ssh.getAsJsonObject()));
        }
        JsonElement slurm = request.get("slurm");
        if (slurm != null && slurm.isJsonObject()) {
            return Optional.of(SlurmTarget.fromJson(slurm.getAsJsonObject()));
        }
        return Optional.empty();
    }
}

package org.jparallel.controller.launch;

import com.google.gson.JsonObject;
import java.util.List;
import org.jparallel.controller.profile.ProfileDir;
import org.jparallel.wire.JsonFields;

/**
 * Engines that a Slurm cluster places ({@code jpcluster start -n 8 --slurm --slurm-options "-p batch -t 60"}), as
 * ipyparallel's {@code SlurmEngineSetLauncher} does: each engine is one {@code srun} task launched from the
 * controller's host, which must be a host that may submit jobs. The nodes need Java 17 or later and jparallel's
 * jar (the same path as here by default, as on a shared file system); the connection file travels on
 * {@code srun}'s standard input, so it need not be shared.
 *
 * <pre>{@code
 * SlurmTarget batch = SlurmTarget.defaults().withOptions(List.of("--partition=batch", "--time=60"));
 * }</pre>
 *
 * @param options {@code srun}'s options for each engine, e.g. {@code --partition}, {@code --time}, {@code --mem}
 * @param java    the java command on the nodes
 * @param jar     jparallel's class path on the nodes; empty for the controller's own
 */
public record SlurmTarget(List<String> options, String java, String jar) implements EngineSite {

    public SlurmTarget {
        options = List.copyOf(options);
    }

    /** {@code srun} with the cluster's defaults, {@code java} from the nodes' PATH, the controller's jar path. */
    public static SlurmTarget defaults() {
        return new SlurmTarget(List.of(), "java", "");
    }

    public SlurmTarget withOptions(List<String> srunOptions) {
        return new SlurmTarget(srunOptions, java, jar);
    }

    public SlurmTarget withJava(String javaCommand) {
        return new SlurmTarget(options, javaCommand, jar);
    }

    public SlurmTarget withJar(String classPath) {
        return new SlurmTarget(options, java, classPath);
    }

    @Override
    public String name() {
        return options.isEmpty() ? "Slurm" : "Slurm (srun " + String.join(" ", options) + ")";
    }

    @Override
    public EngineLauncher launcher(ProfileDir dir, List<String> jvmOptions) {
        return new SlurmEngineLauncher(dir, this, jvmOptions);
    }

    @Override
    public void addTo(JsonObject request) {
        JsonObject json = new JsonObject();
        json.add("options", JsonFields.strings(options));
        json.addProperty("java", java);
        json.addProperty("jar", jar);
        request.add("slurm", json);
    }

    static SlurmTarget fromJson(JsonObject json) {
        return new SlurmTarget(JsonFields.stringList(json, "options"), JsonFields.string(json, "java", "java"),
                JsonFields.string(json, "jar", ""));
    }
}

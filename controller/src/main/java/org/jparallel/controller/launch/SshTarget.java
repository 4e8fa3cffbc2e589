package org.jparallel.controller.launch;

import com.google.gson.JsonObject;
import java.util.List;
import org.jparallel.controller.profile.ProfileDir;
import org.jparallel.wire.JsonFields;

/**
 * Another host whose engines the controller starts over ssh ({@code jpcluster engines -n 2 --ssh node7}), as
 * ipyparallel's SSH launchers do. The host needs Java 17 or later and jparallel's jar; ssh must log in without a
 * prompt (a key, an agent), with whatever {@code ~/.ssh/config} says of the host.
 *
 * <pre>{@code
 * SshTarget node7 = SshTarget.of("me@node7");                          // ssh -o BatchMode=yes me@node7
 * SshTarget custom = node7.withCommand(List.of("ssh", "-p", "2222")).withJar("/opt/jparallel/jparallel.jar");
 * }</pre>
 *
 * @param host    ssh's destination: a host name, {@code user@host}, or a Host of {@code ~/.ssh/config}
 * @param command the ssh command and its options, before the destination
 * @param java    the java command there
 * @param jar     jparallel's class path there; empty for the controller's own (hosts with the same layout)
 */
public record SshTarget(String host, List<String> command, String java, String jar) implements EngineSite {

    public SshTarget {
        if (host.isBlank() || host.startsWith("-")) {
            throw new IllegalArgumentException("an ssh destination is a host name or user@host, not '" + host + "'");
        }
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("the ssh command is empty");
        }
    }

    /** {@code ssh -o BatchMode=yes HOST}, {@code java} from the host's PATH, the controller's own jar path. */
    public static SshTarget of(String host) {
        return new SshTarget(host, List.of("ssh", "-o", "BatchMode=yes"), "java", "");
    }

    /**
     * The target that {@code --ssh HOST} and its companions name, as {@code jpcluster} and {@code %cluster} take
     * them; null for engines on the controller's own host. An option given, null where it was not.
     *
     * @throws IllegalArgumentException when {@code --ssh-command}, {@code --remote-java} or {@code --remote-jar}
     *                                  come without {@code --ssh HOST}: they would silently do nothing
     */
    public static SshTarget fromOptions(String host, List<String> sshCommand, String java, String jar) {
        if (host == null) {
            if (sshCommand != null || java != null || jar != null) {
                throw new IllegalArgumentException(
                        "--ssh-command, --remote-java and --remote-jar go with --ssh HOST, the host to start engines on");
            }
            return null;
        }
        SshTarget target = of(host);
        target = sshCommand == null ? target : target.withCommand(sshCommand);
        target = java == null ? target : target.withJava(java);
        return jar == null ? target : target.withJar(jar);
    }

    public SshTarget withCommand(List<String> sshCommand) {
        return new SshTarget(host, sshCommand, java, jar);
    }

    public SshTarget withJava(String javaCommand) {
        return new SshTarget(host, command, javaCommand, jar);
    }

    public SshTarget withJar(String classPath) {
        return new SshTarget(host, command, java, classPath);
    }

    @Override
    public String name() {
        return host;
    }

    @Override
    public EngineLauncher launcher(ProfileDir dir, List<String> jvmOptions) {
        return new SshEngineLauncher(dir, this, jvmOptions);
    }

    @Override
    public void addTo(JsonObject request) {
        JsonObject json = new JsonObject();
        json.addProperty("host", host);
        json.add("command", JsonFields.strings(command));
        json.addProperty("java", java);
        json.addProperty("jar", jar);
        request.add("ssh", json);
    }

    /** The target an {@code engines_request} names, as {@link #addTo} wrote it. */
    static SshTarget fromJson(JsonObject json) {
        return new SshTarget(JsonFields.string(json, "host", ""), JsonFields.stringList(json, "command"),
                JsonFields.string(json, "java", "java"), JsonFields.string(json, "jar", ""));
    }
}

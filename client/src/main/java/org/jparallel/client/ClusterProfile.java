package org.jparallel.client;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where a cluster profile keeps its files: {@code $JPARALLEL_HOME} (default {@code ~/.jparallel})
 * {@code /profile_<name>/}.
 *
 * <pre>{@code
 * Path file = ClusterProfile.named("default").clientFile();   // ~/.jparallel/profile_default/security/client.json
 * }</pre>
 *
 * @param home the jparallel home directory
 * @param name the profile's name
 */
public record ClusterProfile(Path home, String name) {

    public static final String DEFAULT = "default";

    public ClusterProfile {
        Objects.requireNonNull(home, "home");
        if (name == null || name.isBlank() || name.contains("/") || name.contains("\\")) {
            throw new IllegalArgumentException("profile name '" + name + "' must be a non-empty word without slashes");
        }
    }

    /** The profile of this name under the home of this process' environment. */
    public static ClusterProfile named(String name) {
        return new ClusterProfile(home(System.getenv()), name);
    }

    /** {@code $JPARALLEL_HOME}, or {@code ~/.jparallel} when it is unset. */
    public static Path home(Map<String, String> environment) {
        String home = environment.get("JPARALLEL_HOME");
        return home != null && !home.isBlank() ? Path.of(home)
                : Path.of(System.getProperty("user.home"), ".jparallel");
    }

    public Path directory() {
        return home.resolve("profile_" + name);
    }

    /** The connection file clients read. */
    public Path clientFile() {
        return directory().resolve("security").resolve("client.json");
    }

    /** The connection file engines read. */
    public Path engineFile() {
        return directory().resolve("security").resolve("engine.json");
    }

    public Path pidFile() {
        return directory().resolve("controller.pid");
    }

    public Path logDirectory() {
        return directory().resolve("log");
    }
}

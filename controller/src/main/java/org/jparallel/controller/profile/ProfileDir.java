package org.jparallel.controller.profile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The folder of one cluster profile, {@code $JPARALLEL_HOME/profile_<name>/}, and the files in it.
 *
 * <pre>{@code
 * ProfileDir dir = ProfileDir.of(ProfileDir.home(System.getenv()), "default");
 * dir.clientFile();   // ~/.jparallel/profile_default/security/client.json
 * }</pre>
 */
public record ProfileDir(Path home, String name) {

    public static final String DEFAULT_PROFILE = "default";

    public ProfileDir {
        if (name == null || !name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("a profile name is letters, digits, '.', '_' and '-', not '"
                    + name + "'");
        }
        home = home.toAbsolutePath();
    }

    public static ProfileDir of(Path home, String name) {
        return new ProfileDir(home, name);
    }

    /** {@code $JPARALLEL_HOME}, or {@code ~/.jparallel} when it is not set. */
    public static Path home(Map<String, String> environment) {
        String home = environment.get("JPARALLEL_HOME");
        return home == null || home.isBlank()
                ? Path.of(System.getProperty("user.home"), ".jparallel")
                : Path.of(home);
    }

    public Path dir() {
        return home.resolve("profile_" + name);
    }

    public Path clientFile() {
        return dir().resolve("security").resolve("client.json");
    }

    public Path engineFile() {
        return dir().resolve("security").resolve("engine.json");
    }

    /** The controller's Unix domain socket for clients of this host (mode 0600; absent when stopped). */
    public Path clientSocket() {
        return dir().resolve("security").resolve("client.sock");
    }

    /** The controller's Unix domain socket for engines of this host. */
    public Path engineSocket() {
        return dir().resolve("security").resolve("engine.sock");
    }

    public Path pidFile() {
        return dir().resolve("controller.pid");
    }

    /** The controller of this profile, when its pid file names a live process. */
    public Optional<ProcessHandle> liveController() {
        try {
            String pid = Files.readString(pidFile(), StandardCharsets.UTF_8).trim();
            return pid.matches("\\d+") ? ProcessHandle.of(Long.parseLong(pid)).filter(ProcessHandle::isAlive)
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public Path logDir() {
        return dir().resolve("log");
    }

    public Path controllerLog() {
        return logDir().resolve("controller.log");
    }

    public Path engineLog(int index) {
        return logDir().resolve("engine-" + index + ".log");
    }
}

package org.jparallel.controller;

import java.util.List;
import org.jparallel.controller.profile.ProfileDir;

/**
 * How to run a controller.
 *
 * @param profile          where its files go
 * @param ip               the address its sockets bind, e.g. {@code 127.0.0.1}
 * @param engines          how many local engines to launch at start
 * @param engineJvmOptions extra options for each engine JVM
 */
public record ControllerOptions(ProfileDir profile, String ip, int engines, List<String> engineJvmOptions) {
    public ControllerOptions {
        engineJvmOptions = List.copyOf(engineJvmOptions);
        if (engines < 0) {
            throw new IllegalArgumentException("the number of engines is 0 or more, not " + engines);
        }
    }
}

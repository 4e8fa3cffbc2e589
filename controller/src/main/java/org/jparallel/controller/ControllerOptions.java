package org.jparallel.controller;

import java.util.List;
import org.jparallel.controller.profile.ProfileDir;
import org.jparallel.controller.records.RecordOptions;
import org.jparallel.controller.scheduler.SchedulerOptions;

/**
 * How to run a controller.
 *
 * @param profile          where its files go
 * @param ip               the address its sockets bind, e.g. {@code 127.0.0.1}
 * @param engines          how many local engines to launch at start
 * @param engineJvmOptions extra options for each engine JVM
 * @param records          where task records are kept
 * @param scheduler        how load-balanced tasks are placed ({@code --scheme}, {@code --hwm})
 * @param location         where processes of other hosts reach it (its connection files say so); empty: {@code ip},
 *                         or this host's first routable address when {@code ip} is every interface
 */
public record ControllerOptions(ProfileDir profile, String ip, int engines, List<String> engineJvmOptions,
                                RecordOptions records, SchedulerOptions scheduler, String location) {
    /** Connection files give {@code ip} (or this host's address) as the location. */
    public ControllerOptions(ProfileDir profile, String ip, int engines, List<String> engineJvmOptions,
                             RecordOptions records, SchedulerOptions scheduler) {
        this(profile, ip, engines, engineJvmOptions, records, scheduler, "");
    }

    /** The default scheduler: leastload, one task in flight per engine. */
    public ControllerOptions(ProfileDir profile, String ip, int engines, List<String> engineJvmOptions,
                             RecordOptions records) {
        this(profile, ip, engines, engineJvmOptions, records, SchedulerOptions.defaults());
    }

    /** Task records in memory, with the default bounds. */
    public ControllerOptions(ProfileDir profile, String ip, int engines, List<String> engineJvmOptions) {
        this(profile, ip, engines, engineJvmOptions, RecordOptions.defaults());
    }

    public ControllerOptions {
        engineJvmOptions = List.copyOf(engineJvmOptions);
        if (engines < 0) {
            throw new IllegalArgumentException("the number of engines is 0 or more, not " + engines);
        }
    }
}

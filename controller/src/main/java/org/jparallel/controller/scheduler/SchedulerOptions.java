package org.jparallel.controller.scheduler;

import java.util.Random;

/**
 * How a controller schedules load-balanced tasks: {@code jpcluster start --scheme lru --hwm 2}.
 *
 * <pre>{@code
 * SchedulerOptions options = new SchedulerOptions(Scheme.named("twobin"), 0);   // no limit per engine
 * TaskScheduler scheduler = options.newScheduler();
 * }</pre>
 *
 * @param scheme        how an engine is picked among those free
 * @param highWaterMark tasks in flight per engine before tasks wait in the controller; 0 for no limit
 */
public record SchedulerOptions(Scheme scheme, int highWaterMark) {
    public SchedulerOptions {
        if (highWaterMark < 0) {
            throw new IllegalArgumentException("--hwm is 0 (no limit) or more tasks per engine, not " + highWaterMark);
        }
    }

    /** leastload, one task in flight per engine: ipyparallel's defaults. */
    public static SchedulerOptions defaults() {
        return new SchedulerOptions(Scheme.LEASTLOAD, 1);
    }

    public TaskScheduler newScheduler() {
        return new DependencyScheduler(scheme, highWaterMark, new Random());
    }
}

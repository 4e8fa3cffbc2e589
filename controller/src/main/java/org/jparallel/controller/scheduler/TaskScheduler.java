package org.jparallel.controller.scheduler;

import java.util.List;
import java.util.OptionalInt;

/**
 * Chooses the engine for a load-balanced task, or keeps it waiting.
 *
 * <p>Called by the hub, under its lock, whenever a task arrives, an engine answers one, or engines
 * join; a scheduler keeps no record of its own that the hub does not give it. Policies such as
 * least-load, lru, twobin, weighted and random, and task dependencies, are implementations of this.
 *
 * <pre>{@code
 * TaskScheduler scheduler = new LeastLoadScheduler(1);
 * OptionalInt engine = scheduler.pick(task, loads);   // empty: every engine is busy, keep it queued
 * }</pre>
 */
public interface TaskScheduler {

    /**
     * @param engines the registered engines, in id order; may be empty
     * @return the id of the engine to send {@code task} to now, or empty to keep it queued
     */
    OptionalInt pick(QueuedTask task, List<EngineLoad> engines);

    /**
     * Whether a task that cannot be placed means that none queued behind it can be placed either,
     * so the hub stops looking. True for load-only policies; false for dependencies, where a later
     * task may be ready when an earlier one is not.
     */
    default boolean placesInOrder() {
        return true;
    }
}

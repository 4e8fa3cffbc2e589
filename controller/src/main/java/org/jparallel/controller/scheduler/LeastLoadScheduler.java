package org.jparallel.controller.scheduler;

import java.util.List;
import java.util.OptionalInt;

/**
 * The engine with the fewest outstanding tasks (the lowest id among equals), as long as it has
 * fewer than the high-water mark; ipyparallel's default scheme.
 *
 * <pre>{@code
 * new LeastLoadScheduler(1)   // one task in flight per engine, the rest wait in the controller
 * }</pre>
 */
public final class LeastLoadScheduler implements TaskScheduler {
    private final int highWaterMark;

    /** @param highWaterMark tasks in flight per engine before tasks queue in the controller; 0 for no limit */
    public LeastLoadScheduler(int highWaterMark) {
        if (highWaterMark < 0) {
            throw new IllegalArgumentException("the high-water mark is 0 (no limit) or more, not " + highWaterMark);
        }
        this.highWaterMark = highWaterMark;
    }

    @Override
    public OptionalInt pick(QueuedTask task, List<EngineLoad> engines) {
        EngineLoad best = null;
        for (EngineLoad engine : engines) {
            if (highWaterMark > 0 && engine.outstanding() >= highWaterMark) {
                continue;
            }
            if (best == null || engine.outstanding() < best.outstanding()) {
                best = engine;
            }
        }
        return best == null ? OptionalInt.empty() : OptionalInt.of(best.id());
    }
}

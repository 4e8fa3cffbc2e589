package org.jparallel.controller.scheduler;

/**
 * What a scheduler knows of one engine when it places a task.
 *
 * @param id          the engine's id
 * @param outstanding tasks sent to it and not yet answered (direct and load-balanced)
 * @param completed   tasks it has answered so far
 */
public record EngineLoad(int id, int outstanding, int completed) {
}

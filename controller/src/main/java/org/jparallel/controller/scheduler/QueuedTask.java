package org.jparallel.controller.scheduler;

import com.google.gson.JsonObject;

/**
 * A load-balanced task waiting for an engine.
 *
 * @param msgId    the id of its {@code apply_request}
 * @param metadata the request's metadata: its flags ({@code after}, {@code follow}, {@code timeout},
 *                 {@code retries}) are read from it the first time the task is placed
 */
public record QueuedTask(String msgId, JsonObject metadata) {
}

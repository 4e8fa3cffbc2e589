package org.jparallel.controller.scheduler;

import com.google.gson.JsonObject;

/**
 * A load-balanced task waiting for an engine.
 *
 * @param msgId    the id of its {@code apply_request}
 * @param metadata the request's metadata, where dependencies ({@code after}, {@code follow}) and
 *                 retries will be read from
 */
public record QueuedTask(String msgId, JsonObject metadata) {
}

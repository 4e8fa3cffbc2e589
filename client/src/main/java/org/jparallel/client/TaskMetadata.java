package org.jparallel.client;

import java.time.Instant;
import java.util.Optional;

/**
 * What the cluster recorded about one task: when it was submitted, started and completed, where it ran.
 *
 * <pre>{@code
 * TaskMetadata md = ar.metadata().get(0);
 * Duration ran = Duration.between(md.started().orElseThrow(), md.completed().orElseThrow());
 * }</pre>
 *
 * @param msgId     the id of the request message
 * @param engineId  the engine that ran it, or -1 while a load-balanced task is not yet placed
 * @param submitted when this client sent it
 * @param started   when the engine started it, once known
 * @param completed when the engine finished it, once known
 * @param status    {@code pending}, {@code ok}, {@code error} or {@code aborted}
 */
public record TaskMetadata(String msgId, int engineId, Instant submitted, Optional<Instant> started,
                           Optional<Instant> completed, String status) {
}

package org.jparallel.client;

import java.time.Instant;
import java.util.Optional;

/**
 * One task as the controller's records have it, listed by {@link Client#dbQuery}: where and when it ran, how it
 * ended and what it printed. Its value is {@code rc.getResult(info.msgId()).get()}.
 *
 * <pre>{@code
 * for (TaskInfo t : rc.dbQuery(TaskQuery.all().status("error"))) {
 *     System.out.println(t.msgId() + " on engine " + t.engineId() + ": " + t.error().orElse(""));
 * }
 * }</pre>
 *
 * @param msgId     the task's msg_id
 * @param msgType   its request's type: {@code apply_request}, {@code execute_request}, …
 * @param label     its label, empty for none
 * @param engineId  the engine it ran on, or -1 when none did (waiting, or aborted while queued)
 * @param status    {@code pending}, {@code ok}, {@code error} or {@code aborted}
 * @param submitted when the controller received it
 * @param started   when its engine began it: known once it ends (its engine says so with its answer), so empty
 *                  while it runs and for a task whose engine ended under it
 * @param completed when it ended
 * @param stdout    what it printed to {@code System.out} (so far, while pending), up to 1 MiB; the controller
 *                  notes where it stopped recording
 * @param stderr    what it printed to {@code System.err}, the same way
 * @param error     for a failed or aborted task, the exception's class and message
 */
public record TaskInfo(String msgId, String msgType, String label, int engineId, String status, Instant submitted,
                       Optional<Instant> started, Optional<Instant> completed, String stdout, String stderr,
                       Optional<String> error) {
}

package org.jparallel.controller.scheduler;

import java.util.Optional;

/**
 * How tasks the scheduler never saw ended, from records that outlived an earlier controller of the profile
 * ({@code jpcluster start --db sqlite}): a restarted kernel's {@code after(rc.getResult(id))} then holds.
 */
@FunctionalInterface
public interface PastOutcomes {
    PastOutcomes NONE = msgId -> Optional.empty();

    /**
     * @param error {@code ename: evalue} of a failure; null for a success
     */
    record Past(String error) {
    }

    /** How task {@code msgId} ended, when a record says. */
    Optional<Past> of(String msgId);
}

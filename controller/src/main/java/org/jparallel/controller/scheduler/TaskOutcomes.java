package org.jparallel.controller.scheduler;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How each task ended, as dependencies need it: pending, or where it ran and whether it succeeded. The last
 * {@value #KEPT} in full; older ones in an {@link OutcomeArchive}, without their error's text.
 */
final class TaskOutcomes {
    static final int KEPT = 100_000;

    /**
     * @param engineId the engine that answered; while pending, the engine it was sent to; else -1 (waiting in the
     *                 controller, or failed without an engine)
     * @param error    {@code ename: evalue} of a failure; null while pending or after a success
     */
    record Outcome(boolean finished, int engineId, String error) {
        static final Outcome PENDING = new Outcome(false, -1, null);

        boolean succeeded() {
            return finished && error == null;
        }
    }

    private final OutcomeArchive archive = new OutcomeArchive();
    private PastOutcomes past = PastOutcomes.NONE;
    private final Map<String, Outcome> outcomes = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Outcome> eldest) {
            if (size() <= KEPT || !eldest.getValue().finished()) {
                return false;
            }
            Outcome outcome = eldest.getValue();
            archive.put(eldest.getKey(), outcome.engineId(), outcome.error() != null);
            return true;
        }
    };

    void recorded(String msgId) {
        outcomes.putIfAbsent(msgId, Outcome.PENDING);
    }

    /** A finished task runs again: pending until its new answer. */
    void reopened(String msgId) {
        outcomes.put(msgId, Outcome.PENDING);
    }

    /** A pending task went to an engine ({@code engineId}), or came back to the controller's queue (-1). */
    void sentTo(String msgId, int engineId) {
        Outcome outcome = outcomes.get(msgId);
        if (outcome != null && !outcome.finished()) {
            outcomes.put(msgId, engineId < 0 ? Outcome.PENDING : new Outcome(false, engineId, null));
        }
    }

    void finished(String msgId, int engineId, String error) {
        outcomes.put(msgId, new Outcome(true, engineId, error));
    }

    /** Null for a task this controller never received (or forgot). */
    Outcome get(String msgId) {
        Outcome outcome = outcomes.get(msgId);
        if (outcome != null) {
            return outcome;
        }
        OutcomeArchive.Entry archived = archive.get(msgId);
        if (archived != null) {
            return new Outcome(true, archived.engineId(),
                    archived.failed() ? "an error no longer kept (the task ended more than " + KEPT + " tasks ago)" : null);
        }
        // An engine id of an earlier controller names no engine of this one.
        return past.of(msgId).map(p -> new Outcome(true, -1, p.error())).orElse(null);
    }

    /** Where to look for tasks ended before this controller started. */
    void rememberFrom(PastOutcomes source) {
        this.past = source;
    }
}

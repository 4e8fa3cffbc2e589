package org.jparallel.controller.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A dependency on a task that ended long ago still knows how it ended. */
class TaskOutcomesTest {
    private final TaskOutcomes outcomes = new TaskOutcomes();

    private void finish(String msgId, int engineId, String error) {
        outcomes.recorded(msgId);
        outcomes.finished(msgId, engineId, error);
    }

    private void finishNewer(int tasks) {
        for (int i = 0; i < tasks; i++) {
            finish(UUID.randomUUID().toString(), i % 4, null);
        }
    }

    @Test
    void aSuccessOlderThanTheRecentOnesKeepsItsEngine() {
        String early = UUID.randomUUID().toString();
        finish(early, 2, null);
        finishNewer(TaskOutcomes.KEPT + 10);
        TaskOutcomes.Outcome outcome = outcomes.get(early);
        assertTrue(outcome.succeeded());
        assertEquals(2, outcome.engineId());
    }

    @Test
    void aFailureOlderThanTheRecentOnesStaysAFailure() {
        String early = UUID.randomUUID().toString();
        finish(early, 1, "java.lang.ArithmeticException: / by zero");
        finishNewer(TaskOutcomes.KEPT + 10);
        TaskOutcomes.Outcome outcome = outcomes.get(early);
        assertTrue(outcome.finished());
        assertFalse(outcome.succeeded());
        assertTrue(outcome.error().contains("no longer kept"), outcome.error());
    }

    @Test
    void aTaskThatNeverRanOnAnEngineIsArchivedAsSuch() {
        String early = UUID.randomUUID().toString();
        finish(early, -1, "TaskAborted: aborted");
        finishNewer(TaskOutcomes.KEPT + 1);
        assertEquals(-1, outcomes.get(early).engineId());
    }

    @Test
    void anIdThatIsNotAUuidIsForgottenPastTheRecentOnes() {
        finish("my-own-id", 0, null);
        finishNewer(TaskOutcomes.KEPT + 1);
        assertNull(outcomes.get("my-own-id"));
    }

    @Test
    void anUnknownTaskIsNone() {
        assertNull(outcomes.get(UUID.randomUUID().toString()));
    }

    @Test
    void theArchiveForgetsItsOldGenerationWhenTheYoungOneIsFull() {
        OutcomeArchive archive = new OutcomeArchive();
        String first = UUID.randomUUID().toString();
        archive.put(first, 0, false);
        for (int i = 0; i < 2 * OutcomeArchive.GENERATION; i++) {
            archive.put(new UUID(i, i).toString(), 3, false);
        }
        assertNull(archive.get(first));
        long oldest = OutcomeArchive.GENERATION - 1;
        long newest = 2L * OutcomeArchive.GENERATION - 1;
        assertEquals(new OutcomeArchive.Entry(3, false), archive.get(new UUID(oldest, oldest).toString()));
        assertEquals(new OutcomeArchive.Entry(3, false), archive.get(new UUID(newest, newest).toString()));
    }
}

package org.jparallel.client.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jparallel.client.AsyncResult;
import org.jparallel.client.Client;
import org.jparallel.client.LoadBalancedView;
import org.jparallel.client.QueueStatus;
import org.jparallel.client.RemoteError;
import org.jparallel.client.ResultStatus;
import org.jparallel.client.TaskFlags;
import org.jparallel.client.UnknownTaskException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The controller's task records, asked for by msg_id, with the in-memory store bounded to 20 records. */
class TaskRecordsTest {
    static final int BOUND = 20;
    @RegisterExtension
    static final SharedCluster cluster = SharedCluster.engines(2).withSessionsOpen().withControllerJvmOptions("-Djparallel.taskRecords=" + BOUND);
    final Client rc = cluster.client();
    final LoadBalancedView lv = rc.loadBalancedView();

    @Test
    void anotherClientGetsTheResultAfterTheFirstClosed() throws Exception {
        String id;
        try (Client first = cluster.connect()) {
            AsyncResult<Integer> ar = first.loadBalancedView().withFlags(TaskFlags.NONE.withLabel("answer"))
                    .apply(() -> { System.out.println("computing"); return 42; });
            assertEquals(42, ar.get());
            assertEquals("answer", ar.label(), "the submitting client's result shows the label too");
            id = ar.msgIds().get(0);
        }
        try (Client second = cluster.connect()) {
            AsyncResult<Object> result = second.getResult(id);
            assertEquals(42, result.get(Duration.ofSeconds(10)));
            assertEquals(List.of("computing\n"), result.stdout());
            assertEquals("answer", result.label());
            assertEquals("ok", result.metadata().get(0).status());
        }
    }

    @Test
    void hubHistoryListsEveryClientsTasksInTheOrderSubmittedRunningOnesToo() throws Exception {
        AsyncResult<Integer> first = lv.apply(() -> 1);
        first.get();
        AsyncResult<Integer> running;
        try (Client other = cluster.connect()) {
            running = other.loadBalancedView().apply(() -> { Thread.sleep(1000); return 2; });
            List<String> history = rc.hubHistory();
            int firstAt = history.indexOf(first.msgIds().get(0));
            int runningAt = history.indexOf(running.msgIds().get(0));
            assertTrue(firstAt >= 0 && runningAt > firstAt, history.toString());
            assertEquals(running.msgIds().get(0), history.get(history.size() - 1), "the latest submitted is last");
            assertEquals(2, running.get());
        }
    }

    @Test
    void getResultOfARunningTaskWaitsForIt() throws Exception {
        AsyncResult<String> ar = lv.apply(() -> { Thread.sleep(1000); return "late"; });
        AsyncResult<Object> other = rc.getResult(ar.msgIds().get(0));
        assertFalse(other.ready());
        assertEquals("late", other.get(Duration.ofSeconds(30)));
    }

    @Test
    void anotherClientsResultPassesOnAsAnArgument() {
        AsyncResult<double[]> made = lv.apply(() -> new double[1_000_000]);
        assertTrue(made.waitFor(Duration.ofSeconds(30)));
        try (Client other = cluster.connect()) {
            AsyncResult<double[]> found = other.getResult(made.msgIds().get(0));

            assertEquals(1_000_000, other.loadBalancedView().applySync((double[] v) -> v.length, found));
        }
    }

    @Test
    void aSmallResultOfAClosedClientPassesOnAsAnArgumentFromItsRecord() throws Exception {
        String id;
        try (Client first = cluster.connect()) {
            AsyncResult<String> made = first.loadBalancedView().apply(() -> "small");
            made.get(Duration.ofSeconds(30));
            id = made.msgIds().get(0);
        } // closing released the value its engine kept for tasks
        AsyncResult<String> found = rc.getResult(id);

        assertEquals(5, lv.applySync((String s) -> s.length(), found));
    }

    @Test
    void anotherClientSeesWhenTheTaskWasSubmittedNotWhenItAsked() throws Exception {
        AsyncResult<Integer> nap = lv.apply(() -> { Thread.sleep(500); return 1; });
        nap.get();
        Thread.sleep(1000);
        try (Client other = cluster.connect()) {
            AsyncResult<Integer> found = other.getResult(nap.msgIds().get(0));
            found.get();

            Duration skew = Duration.between(nap.metadata().get(0).submitted(), found.metadata().get(0).submitted());
            assertTrue(skew.abs().toMillis() < 500, "submitted " + skew + " apart");
            assertTrue(found.wallTime() >= 0.45 && found.wallTime() < 1.4, "wall time " + found.wallTime());
            assertTrue(found.elapsed() >= 0.45 && found.elapsed() < 1.4, "elapsed " + found.elapsed());
        }
    }

    @Test
    void getResultOfAFailedTaskThrowsItsError() {
        AsyncResult<Integer> ar = lv.apply(() -> { throw new IllegalStateException("no luck"); });
        assertThrows(RemoteError.class, ar::get);
        RemoteError e = assertThrows(RemoteError.class, () -> rc.getResult(ar.msgIds().get(0)).get());
        assertEquals("java.lang.IllegalStateException", e.remoteClassName());
        assertTrue(e.getMessage().contains("no luck"), e.getMessage());
    }

    @Test
    void resultStatusTellsPendingCompletedAndUnknown() throws Exception {
        AsyncResult<Integer> done = lv.apply(() -> 1);
        done.get();
        AsyncResult<Integer> running = lv.apply(() -> { Thread.sleep(1500); return 2; });
        ResultStatus status = rc.resultStatus(List.of(done.msgIds().get(0), running.msgIds().get(0), "no-such-id"));
        assertEquals(List.of(done.msgIds().get(0)), status.completed());
        assertEquals(List.of(running.msgIds().get(0)), status.pending());
        assertEquals(List.of("no-such-id"), status.unknown());
        running.get();
    }

    @Test
    void queueStatusCountsQueuedAndCompletedTasksPerEngine() throws Exception {
        AsyncResult<Integer> busy = rc.engine(1).apply(() -> { Thread.sleep(1500); return 1; });
        Thread.sleep(300);
        QueueStatus queues = rc.queueStatus();
        assertEquals(1, queues.engines().get(1).queue());
        assertEquals(0, queues.unassigned());
        int before = queues.engines().get(1).completed();
        busy.get();
        assertEquals(before + 1, rc.queueStatus().engines().get(1).completed());
    }

    @Test
    void purgedResultsAreForgotten() {
        AsyncResult<Integer> ar = lv.apply(() -> 7);
        ar.get();
        String id = ar.msgIds().get(0);
        assertEquals(1, rc.purgeResults(List.of(id)));
        assertThrows(UnknownTaskException.class, () -> rc.getResult(id));
        assertEquals(List.of(id), rc.resultStatus(List.of(id)).unknown());
        assertFalse(rc.hubHistory().contains(id), "the hub's history lists a purged task");
    }

    @Test
    void theOldestRecordsArePurgedPastTheBound() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < BOUND + 5; i++) {
            int k = i;
            AsyncResult<Integer> ar = lv.apply(() -> k);
            ar.get();
            ids.add(ar.msgIds().get(0));
        }
        ResultStatus status = rc.resultStatus(ids);
        assertEquals(ids.subList(0, 5), status.unknown());
        assertEquals(ids.subList(5, ids.size()), status.completed());
        assertEquals(BOUND + 4, rc.getResult(ids.get(BOUND + 4)).get());
    }
}

package org.jparallel.client.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.jparallel.client.AsyncMapResult;
import org.jparallel.client.AsyncResult;
import org.jparallel.client.Client;
import org.jparallel.client.ExecuteReply;
import org.jparallel.client.LoadBalancedView;
import org.jparallel.client.Parallel;
import org.jparallel.client.RemoteError;
import org.jparallel.client.TaskFlags;
import org.jparallel.client.UnknownTaskException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code rc.resubmit}: finished tasks run again from the controller's records, as ipyparallel's. */
class ResubmitTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    @RegisterExtension
    static final SharedCluster cluster = SharedCluster.engines(2);
    final Client rc = cluster.client();
    final LoadBalancedView lv = rc.loadBalancedView();

    @Test
    void aFinishedTaskRunsAgainUnderANewMsgId() throws Exception {
        AsyncResult<Long> first = lv.apply(() -> { System.out.println("measured"); return System.nanoTime(); });
        long firstValue = first.get(WAIT);

        AsyncResult<Long> again = rc.resubmit(first.msgIds().get(0));

        assertNotEquals(firstValue, again.get(WAIT), "the function ran again");
        assertNotEquals(first.msgIds(), again.msgIds());
        assertEquals(List.of("measured\n"), again.stdout());
        assertTrue(rc.hubHistory().contains(again.msgIds().get(0)), "it is a task of its own");
    }

    @Test
    void anotherClientRunsATaskItDidNotSubmit() throws Exception {
        String id;
        try (Client first = cluster.connect()) {
            AsyncResult<String> ar = first.loadBalancedView().withFlags(TaskFlags.NONE.withLabel("nightly"))
                    .apply((String s) -> s + "!", "done");
            ar.get(WAIT);
            id = ar.msgIds().get(0);
        }
        AsyncResult<String> again = rc.resubmit(id);
        assertEquals("done!", again.get(WAIT));
        assertEquals("nightly", rc.getResult(again.msgIds().get(0)).label(), "its flags stay");
    }

    @Test
    void aTaskSentToOneEngineRunsAgainWhereverThereIsRoom() throws Exception {
        runsAgainOnEngine0WhileEngine1IsBusy(rc.engine(1).apply(() -> 7));
    }

    @Test
    void aTaskOfAViewOfSomeEnginesRunsAgainOnAnyEngine() throws Exception {
        runsAgainOnEngine0WhileEngine1IsBusy(rc.loadBalancedView(1).apply(() -> 7));
    }

    private void runsAgainOnEngine0WhileEngine1IsBusy(AsyncResult<Integer> onOne) throws Exception {
        onOne.get(WAIT);
        AsyncResult<Object> busy = rc.engine(1).apply(() -> { Thread.sleep(2000); return null; });
        Thread.sleep(200);

        AsyncResult<Integer> again = rc.resubmit(onOne.msgIds().get(0));

        assertEquals(7, again.get(WAIT));
        assertEquals(0, again.metadata().get(0).engineId(), "not held to the engines it was sent to first");
        busy.get(WAIT);
    }

    @Test
    void aResubmittedTaskKeepsItsLabelInItsResult() throws Exception {
        AsyncResult<Integer> first = lv.withFlags(TaskFlags.NONE.withLabel("step B")).apply(() -> 2);
        first.get(WAIT);
        assertEquals("step B", rc.resubmit(first.msgIds().get(0)).label());
    }

    @Test
    void aFailedTaskFailsAgainWithItsError() {
        AsyncResult<Integer> first = lv.apply(() -> { throw new IllegalStateException("flaky"); });
        assertThrows(RemoteError.class, () -> first.get(WAIT));

        RemoteError e = assertThrows(RemoteError.class, () -> rc.resubmit(first.msgIds().get(0)).get(WAIT));
        assertTrue(e.getMessage().contains("flaky"), e.getMessage());
    }

    @Test
    void aMapsChunksRunAgainAsOneResult() throws Exception {
        AsyncMapResult<Integer> squares = lv.map((Integer x) -> x * x, Parallel.range(4));
        squares.get(WAIT);

        List<Object> chunks = rc.resubmit(squares.msgIds()).get(WAIT);

        assertEquals(List.of(List.of(0), List.of(1), List.of(4), List.of(9)), chunks);
    }

    @Test
    void aTaskTakingAResultAsItsArgumentTakesItAgain() throws Exception {
        AsyncResult<double[]> made = lv.apply(() -> new double[] {1, 2, 3});
        AsyncResult<Double> sum = lv.applyAsync((double[] v) -> v[0] + v[1] + v[2], made);
        assertEquals(6.0, sum.get(WAIT));

        assertEquals(6.0, rc.<Double>resubmit(sum.msgIds().get(0)).get(WAIT));
    }

    @Test
    void anUnknownTaskIsRefused() {
        assertThrows(UnknownTaskException.class, () -> rc.resubmit("no-such-task"));
    }

    @Test
    void aPendingTaskIsRefusedAndNothingRuns() throws Exception {
        AsyncResult<Integer> done = lv.apply(() -> 1);
        done.get(WAIT);
        AsyncResult<Integer> running = lv.apply(() -> { Thread.sleep(1500); return 2; });
        int known = rc.hubHistory().size();

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> rc.resubmit(List.of(done.msgIds().get(0), running.msgIds().get(0))));

        assertTrue(e.getMessage().contains("has not finished"), e.getMessage());
        assertEquals(known, rc.hubHistory().size(), "the finished one did not run either");
        assertTrue(rc.outstanding().isEmpty() || rc.outstanding().equals(java.util.Set.of(running.msgIds().get(0))),
                "no answer is awaited for a task never sent: " + rc.outstanding());
        running.get(WAIT);
    }

    @Test
    void executedCodeIsNotResubmitted() throws Exception {
        AsyncResult<ExecuteReply> code = rc.engine(0).execute("int resubmitted = 1;");
        code.get(WAIT);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> rc.resubmit(code.msgIds().get(0)));
        assertTrue(e.getMessage().contains("(execute_request) is not a function"), e.getMessage());
    }

    @Test
    void aTaskWhoseArgumentsWeighedMoreThanAMebibyteIsNotKept() throws Exception {
        AsyncResult<Integer> big = lv.apply((byte[] b) -> b.length, new byte[2 << 20]);
        assertEquals(2 << 20, big.get(WAIT));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> rc.resubmit(big.msgIds().get(0)));
        assertTrue(e.getMessage().contains("did not keep the request"), e.getMessage());
    }
}

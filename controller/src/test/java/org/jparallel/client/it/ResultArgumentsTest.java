package org.jparallel.client.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.jparallel.client.AsyncResult;
import org.jparallel.client.Client;
import org.jparallel.client.EngineError;
import org.jparallel.client.LoadBalancedView;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestMethodOrder;

/** Results of tasks as arguments of others: values go from engine to engine, never through the client. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResultArgumentsTest {
    static final int MILLION = 1_000_000;
    @RegisterExtension
    static final SharedCluster cluster = SharedCluster.engines(2).withSessionsOpen();
    final Client rc = cluster.client();
    final LoadBalancedView lv = rc.loadBalancedView();

    static double sum(double[] b, double[] c) {
        double total = 0;
        for (int i = 0; i < b.length; i++) {
            total += b[i] + c[i];
        }
        return total;
    }

    @Test
    @Order(1)
    void aResultOfOneEngineGoesToEveryEngineOfADirectViewOnceItIsMade() throws Exception {
        long before = rc.bytesReceived();
        AsyncResult<double[]> table = rc.engine(0).apply(() -> {
            Thread.sleep(500); // the tasks that take it are sent before it exists
            double[] t = new double[MILLION];
            Arrays.fill(t, 1.0);
            return t;
        });

        List<Double> sums = rc.all().applySync((double[] t) -> Arrays.stream(t).sum(), table);

        assertEquals(List.of(1.0 * MILLION, 1.0 * MILLION), sums);
        assertEquals(2.0 * MILLION, rc.engine(1).applySync((double[] t) -> Arrays.stream(t).sum() * 2, table));
        assertTrue(rc.bytesReceived() - before < MILLION, "the table came through the client");
    }

    @Test
    @Order(1)
    void resultsOfTwoEnginesGoTogetherToEveryEngineOfADirectView() throws Exception {
        long before = rc.bytesReceived();
        AsyncResult<double[]> ones = rc.engine(0).apply(() -> {
            double[] t = new double[MILLION];
            Arrays.fill(t, 1.0);
            return t;
        });
        AsyncResult<Integer> three = rc.engine(1).apply(() -> 3);

        List<Double> scaled = rc.all().applySync((double[] t, Integer k) -> Arrays.stream(t).sum() * k, ones, three);

        assertEquals(List.of(3.0 * MILLION, 3.0 * MILLION), scaled);
        assertEquals(7.5, rc.engine(0).applySync((Integer k, Double plus) -> k + plus, three, 4.5));
        assertEquals(List.of(8, 8), rc.all().applySync((Integer plus, Integer k) -> plus + k, 5, three));
        assertEquals(MILLION + 6, rc.engine(1).applySync((double[] t, Integer k, Integer j) -> t.length + k + j,
                ones, three, three));
        assertTrue(rc.bytesReceived() - before < MILLION, "the array came through the client");
    }

    @Test
    @Order(1)
    void millionElementResultsFlowToTheNextTaskWithoutComingBackToTheClient() throws Exception {
        long before = rc.bytesReceived();
        AsyncResult<double[]> arB = lv.applyAsync(() -> { double[] b = new double[MILLION]; Arrays.fill(b, 1.0); return b; });
        AsyncResult<double[]> arC = rc.engine(1).apply(() -> { double[] c = new double[MILLION]; Arrays.fill(c, 2.0); return c; });
        AsyncResult<Double> arA = lv.applyAsync((double[] b, double[] c) -> sum(b, c), arB, arC);
        assertEquals(3.0 * MILLION, arA.get(Duration.ofSeconds(60)));
        long received = rc.bytesReceived() - before;
        assertTrue(received < 100_000, "the client received " + received + " bytes: the 8 MB arrays came back");
    }

    @Test
    @Order(2)
    void aTaskRunsOnTheEngineThatHoldsItsInput() throws Exception {
        AsyncResult<double[]> arB = rc.engine(1).apply(() -> new double[MILLION]);
        assertTrue(arB.waitFor(Duration.ofSeconds(60)));
        AsyncResult<Integer> arA = lv.apply((double[] b) -> b.length, arB);
        assertEquals(MILLION, arA.get(Duration.ofSeconds(60)));
        assertEquals(List.of(1), arA.engineIds());
    }

    @Test
    @Order(3)
    void aValueTheClientHasReadIsLetGoByItsEngineAndSentFromTheClientWhenUsed() throws Exception {
        System.gc(); // earlier tests' results go now, not while this one counts
        Thread.sleep(500);
        long heldBefore = rc.queueStatus().engines().get(0).held();
        AsyncResult<double[]> arB = rc.engine(0).apply(() -> new double[MILLION]);
        assertEquals(MILLION, arB.get(Duration.ofSeconds(60)).length);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (rc.queueStatus().engines().get(0).held() > heldBefore && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(rc.queueStatus().engines().get(0).held() <= heldBefore, "the engine still keeps a value read");
        assertEquals(MILLION, lv.apply((double[] b) -> b.length, arB).get(Duration.ofSeconds(60)));
    }

    @Test
    @Order(3)
    void getFetchesAValueItsEngineHolds() throws Exception {
        long before = rc.bytesReceived();
        double[] values = lv.apply(() -> { double[] v = new double[MILLION]; Arrays.fill(v, 3.0); return v; })
                .get(Duration.ofSeconds(60));
        assertEquals(MILLION, values.length);
        assertEquals(3.0, values[MILLION - 1]);
        assertTrue(rc.bytesReceived() - before >= 8L * MILLION);
    }

    @Test
    @Order(4)
    void aNotebookCellPassesResultsAsArguments() {
        try (KernelSession cells = new KernelSession(cluster.clientFile())) {
            cells.eval("var lv = rc.loadBalancedView();");
            cells.eval("double sum(double[] b, double[] c) { double t = 0; for (int i = 0; i < b.length; i++) t += b[i] + c[i]; return t; }");
            cells.eval("var arB = lv.applyAsync(() -> { double[] b = new double[1000]; Arrays.fill(b, 1.0); return b; });");
            cells.eval("var arC = lv.applyAsync(() -> { double[] c = new double[1000]; Arrays.fill(c, 2.0); return c; });");
            cells.eval("var arA = lv.applyAsync((double[] b, double[] c) -> sum(b, c), arB, arC);");
            assertEquals(3000.0, cells.eval("arA.get()"));
            assertEquals(42, cells.eval("lv.applySync((a, b) -> a * b, 6, 7)")); // plain calls are not ambiguous
        }
    }

    @Test
    @Order(5)
    void losingTheEngineThatHoldsAnInputFailsTheTaskWithEngineError() throws Exception {
        AsyncResult<double[]> arB = rc.engine(1).apply(() -> new double[MILLION]);
        assertTrue(arB.waitFor(Duration.ofSeconds(60)));
        AsyncResult<double[]> unread = rc.engine(1).apply(() -> new double[MILLION]);
        assertTrue(unread.waitFor(Duration.ofSeconds(60)));
        long pid = rc.engine(1).applySync(() -> ProcessHandle.current().pid());
        assertTrue(ProcessHandle.of(pid).orElseThrow().destroyForcibly());
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (rc.ids().contains(1) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        AsyncResult<Integer> arA = lv.apply((double[] b) -> b.length, arB);
        EngineError e = assertThrows(EngineError.class, () -> arA.get(Duration.ofSeconds(60)));
        assertTrue(e.getMessage().contains("engine 1, which held the result of task"), e.getMessage());
        EngineError gone = assertThrows(EngineError.class, () -> unread.get(Duration.ofSeconds(60)));
        assertTrue(gone.getMessage().contains("a value over 1 MiB that stays on its engine until it is read, is gone"),
                gone.getMessage());
    }
}

package org.jparallel.client.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.jparallel.client.AsyncResult;
import org.jparallel.client.Client;
import org.jparallel.client.EngineError;
import org.jparallel.client.LoadBalancedView;
import org.jparallel.client.TaskFlags;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * An engine killed (SIGKILL) while it holds a big result that a waiting task takes as an argument: the task that
 * made the result runs again when its retries allow, else the waiting task fails with EngineError. Each test kills
 * one engine of the three.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LostValueTest {
    static final int MILLION = 1_000_000; // 8 MB: held on its engine, never sent back with the reply
    @RegisterExtension
    static final SharedCluster cluster = SharedCluster.engines(4).withSessionsOpen();
    final Client rc = cluster.client();
    final LoadBalancedView lv = rc.loadBalancedView();

    static double sum(double[] values) {
        double total = 0;
        for (double value : values) {
            total += value;
        }
        return total;
    }

    /**
     * Makes a million 2.0s on some engine, kills that engine while a task that takes them waits for a slow task on
     * another engine, and returns that task.
     */
    private AsyncResult<Double> consumerOfAValueLostWithItsEngine(TaskFlags producerFlags) throws Exception {
        AsyncResult<double[]> made = lv.withFlags(producerFlags).applyAsync(() -> {
            double[] values = new double[MILLION];
            Arrays.fill(values, 2.0);
            return values;
        });
        made.waitFor(Duration.ofSeconds(60));
        int holder = made.engineIds().get(0);
        long holderPid = rc.engine(holder).applySync(() -> ProcessHandle.current().pid());
        int other = rc.ids().stream().filter(id -> id != holder).findFirst().orElseThrow();
        // Long enough that the kill is noticed first on a loaded machine (engines do not wait for JShell to apply).
        AsyncResult<Integer> slow = rc.engine(other).apply(() -> {
            Thread.sleep(6000);
            return 0;
        });
        AsyncResult<Double> consumer = lv.withFlags(TaskFlags.NONE.withAfter(slow))
                .applyAsync((double[] values) -> sum(values), made);
        assertTrue(ProcessHandle.of(holderPid).orElseThrow().destroyForcibly());
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (rc.ids().contains(holder) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        // Without retries the consumer may already have failed (its input is gone); it must not have succeeded.
        assertFalse(consumer.ready() && consumer.successful(),
                "the consumer ran before its input's engine was killed: the test proves nothing");
        return consumer;
    }

    @Test
    @Order(1)
    void theTaskThatMadeALostValueRunsAgainWhenItsRetriesAllow() throws Exception {
        AsyncResult<Double> consumer = consumerOfAValueLostWithItsEngine(TaskFlags.NONE.withRetries(1));
        assertEquals(2.0 * MILLION, consumer.get(Duration.ofSeconds(60)));
    }

    @Test
    @Order(2)
    void aClientGetsALostValueMadeAgainWhenItsTaskHasRetries() throws Exception {
        AsyncResult<double[]> made = lv.withFlags(TaskFlags.NONE.withRetries(1)).applyAsync(() -> {
            double[] values = new double[MILLION];
            Arrays.fill(values, 3.0);
            return values;
        });
        made.waitFor(Duration.ofSeconds(60));
        int holder = made.engineIds().get(0);
        long holderPid = rc.engine(holder).applySync(() -> ProcessHandle.current().pid());
        assertTrue(ProcessHandle.of(holderPid).orElseThrow().destroyForcibly());
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (rc.ids().contains(holder) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        double[] values = made.get(Duration.ofSeconds(60));
        assertEquals(3.0 * MILLION, sum(values));
    }

    @Test
    @Order(3)
    void withoutRetriesTheTaskThatNeedsALostValueFailsWithEngineError() throws Exception {
        List<Integer> before = rc.ids();
        AsyncResult<Double> consumer = consumerOfAValueLostWithItsEngine(TaskFlags.NONE);
        EngineError e = assertThrows(EngineError.class, () -> consumer.get(Duration.ofSeconds(60)));
        assertTrue(e.getMessage().matches("(?s).*engine \\d, which held the result of task \\S+ that this task takes as"
                + " an argument, is gone.*"), e.getMessage());
        assertNotEquals(before, rc.ids());
    }
}

package org.jparallel.client.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import org.jparallel.client.AsyncResult;
import org.jparallel.client.Client;
import org.jparallel.client.TaskFlags;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The engine holding a big result is killed while another engine fetches that result's arrays from it directly
 * (its bulk channel), not through the controller: the task taking the result still gets it, made again.
 */
class HolderKilledMidFetchTest {
    static final int TEN_MILLION = 10_000_000; // 80 MB: its transfer lasts tens of milliseconds here
    @RegisterExtension
    static final SharedCluster cluster = SharedCluster.engines(3).withSessionsOpen();
    final Client rc = cluster.client();

    @Test
    void aTaskWhoseInputsHolderDiesWhileItFetchesTheValueGetsItMadeAgain() throws Exception {
        AsyncResult<double[]> made = rc.loadBalancedView().withFlags(TaskFlags.NONE.withRetries(1)).applyAsync(() -> {
            double[] values = new double[TEN_MILLION];
            Arrays.fill(values, 1.0);
            return values;
        });
        made.waitFor(Duration.ofSeconds(60));
        int holder = made.engineIds().get(0);
        long holderPid = rc.engine(holder).applySync(() -> ProcessHandle.current().pid());
        int other = rc.ids().stream().filter(id -> id != holder).findFirst().orElseThrow();

        AsyncResult<Double> consumer = rc.loadBalancedView(other).applyAsync((double[] values) -> {
            double total = 0;
            for (double value : values) {
                total += value;
            }
            return total;
        }, made);
        Thread.sleep(60); // the value_request answered, the arrays on their way: killed at any point, the same end
        assertTrue(ProcessHandle.of(holderPid).orElseThrow().destroyForcibly());

        assertEquals(1.0 * TEN_MILLION, consumer.get(Duration.ofSeconds(60)));
    }
}

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jparallel.client.AsyncMapResult;
import org.jparallel.client.AsyncResult;
import org.jparallel.client.Client;
import org.jparallel.client.Fn;
import org.jparallel.client.Fn0;
import org.jparallel.client.LoadBalancedView;
import org.jparallel.client.Parallel;

/**
 * What a result the program keeps costs this JVM's heap: the heap in use (after collections) before and after
 * keeping 20,000 answered {@code applyAsync} results, then a load-balanced {@code map} over 20,000 elements.
 *
 * <pre>
 * bin/jpcluster start -n 4 --daemonize
 * java -cp kernel/target/jparallel-kernel.jar bench/probes/KeptResultBytes.java
 * </pre>
 */
public final class KeptResultBytes {
    static final Fn0<Object> NOOP = () -> null;
    static final Fn<Integer, Integer> SQUARE = x -> x * x;
    private static final int N = 20_000;

    public static void main(String[] args) throws Exception {
        try (Client rc = Client.connect()) {
            rc.waitForEngines(1, Duration.ofSeconds(60));
            LoadBalancedView lv = rc.loadBalancedView();
            keep(lv, 4000); // warm-up: classes loaded, plans made, the JIT's first work done

            long before = heapInUse();
            List<AsyncResult<Object>> kept = keep(lv, N);
            long after = heapInUse();
            System.out.printf("%,d applyAsync results: %,.0f bytes each%n", kept.size(), (after - before) / (double) N);
            kept = null;

            before = heapInUse();
            AsyncMapResult<Integer> mapped = lv.map(SQUARE, Parallel.range(N));
            List<Integer> values = mapped.get();
            after = heapInUse();
            System.out.printf("map over %,d elements: %,.0f bytes per element (its %d values included)%n", N,
                    (after - before) / (double) N, values.size());
        }
    }

    private static List<AsyncResult<Object>> keep(LoadBalancedView lv, int n) {
        List<AsyncResult<Object>> results = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            results.add(lv.applyAsync(NOOP));
        }
        results.forEach(AsyncResult::get);
        return results;
    }

    private static long heapInUse() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}

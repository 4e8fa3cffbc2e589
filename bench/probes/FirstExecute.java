import java.time.Duration;
import org.jparallel.client.Client;

/**
 * What a notebook's first {@code %px} after {@code %cluster start -n 4} waits for: one line of code executed on
 * every engine of a cluster that has just started (each engine opens its JShell session for it), then the same
 * again, warm. {@code bench/probes/ab} runs it on fresh clusters, two jars alternated:
 *
 * <pre>
 * bench/probes/ab 3 /tmp/before.jar kernel/target/jparallel-kernel.jar bench/probes/FirstExecute.java
 * </pre>
 *
 * Prints {@code first execute on 4 engines: 3,912 ms, second: 21 ms}. Engines open their sessions by
 * themselves once idle for 2 s; the source launcher takes about 1 s to start this probe, so the first execute
 * usually comes before that, as a notebook's next cell does.
 */
public final class FirstExecute {
    public static void main(String[] args) throws Exception {
        try (Client rc = Client.connect()) {
            rc.waitForEngines(4, Duration.ofSeconds(60));
            long start = System.nanoTime();
            rc.all().executeSync("System.out.println(\"first\");");
            long first = System.nanoTime();
            rc.all().executeSync("System.out.println(\"second\");");
            long second = System.nanoTime();
            System.out.printf("first execute on %d engines: %,d ms, second: %,d ms%n", rc.ids().size(),
                    (first - start) / 1_000_000, (second - first) / 1_000_000);
        }
    }
}

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jparallel.client.AsyncResult;
import org.jparallel.client.Client;
import org.jparallel.client.EngineView;
import org.jparallel.client.Fn;
import org.jparallel.client.Fn0;
import org.jparallel.client.LoadBalancedView;
import org.jparallel.client.Parallel;

/**
 * The benchmark's two 80 MB rows round by round, with the minor page faults each JVM took in the round: push then
 * pull of a {@code double[]} of 10 million on engine 0, then an 80 MB result of engine 0 used by a task on engine 1,
 * as an argument (engine to engine) and through this client (pull then push). Optionally after rounds of
 * load-balanced no-ops first, as {@code ClusterBench} runs them, whose garbage changes what the heaps do next.
 *
 * <pre>
 * bin/jpcluster start -n 4 --daemonize
 * java -cp kernel/target/jparallel-kernel.jar bench/probes/BigValueRounds.java [ROUNDS] [LB_TASKS]
 * </pre>
 *
 * Prints e.g. {@code push+pull 2: push 61 ms (engine faults 1,866, client 18), pull 185 ms (engine 65, client
 * 19,821), 648 MB/s}: a round whose receiver touched 80 MB of fresh memory shows ~20,000 faults.
 */
public final class BigValueRounds {
    static final int LENGTH = 10_000_000;
    static final Fn0<Long> PID = () -> ProcessHandle.current().pid();
    static final Fn0<Integer> ONE = () -> 1;
    static final Fn0<double[]> ARRAY = () -> new Random(1).doubles(LENGTH).toArray();
    static final Fn<double[], Integer> SIZE = v -> v.length;

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int lbTasks = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        try (Client rc = Client.connect()) {
            rc.waitForEngines(2, Duration.ofSeconds(60));
            List<Long> pids = rc.all().applySync(PID);
            long me = ProcessHandle.current().pid();
            LoadBalancedView lv = rc.loadBalancedView();
            for (int round = 0; round < 2 && lbTasks > 0; round++) {
                List<AsyncResult<Integer>> results = new ArrayList<>(lbTasks);
                for (int i = 0; i < lbTasks; i++) {
                    results.add(lv.applyAsync(ONE));
                }
                results.forEach(AsyncResult::get);
            }
            EngineView e0 = rc.engine(0);
            double[] array = new Random(1).doubles(LENGTH).toArray();
            for (int round = 0; round < rounds; round++) {
                long engineBefore = faults(pids.get(0));
                long clientBefore = faults(me);
                long start = System.nanoTime();
                e0.pushSync(Map.of("a", array));
                long pushed = System.nanoTime();
                long enginePushed = faults(pids.get(0));
                long clientPushed = faults(me);
                double[] back = e0.pullSync("a");
                long pulled = System.nanoTime();
                if (back.length != LENGTH) {
                    throw new AssertionError("pulled " + back.length + " doubles");
                }
                System.out.printf("push+pull %d: push %.0f ms (engine faults %,d, client %,d), pull %.0f ms (engine %,d,"
                                + " client %,d), %,.0f MB/s%n", round, (pushed - start) / 1e6, enginePushed - engineBefore,
                        clientPushed - clientBefore, (pulled - pushed) / 1e6, faults(pids.get(0)) - enginePushed,
                        faults(me) - clientPushed, 2.0 * LENGTH * Double.BYTES / ((pulled - start) / 1e3));
            }
            AsyncResult<Integer> onEngine1 = rc.engine(1).apply(ONE);
            onEngine1.get();
            LoadBalancedView toEngine1 = lv.withFlags(Parallel.follow(onEngine1));
            for (int round = 0; round < rounds; round++) {
                for (boolean direct : new boolean[] {true, false}) {
                    AsyncResult<double[]> held = rc.engine(0).apply(ARRAY);
                    held.waitFor(Duration.ofMinutes(2));
                    long engineBefore = faults(pids.get(1));
                    long clientBefore = faults(me);
                    long start = System.nanoTime();
                    AsyncResult<Integer> used = direct ? toEngine1.apply(SIZE, held) : toEngine1.apply(SIZE, held.get());
                    used.get();
                    System.out.printf("%s %d: %.0f ms (engine 1 faults %,d, client %,d)%n",
                            direct ? "as argument" : "pull then push", round, (System.nanoTime() - start) / 1e6,
                            faults(pids.get(1)) - engineBefore, faults(me) - clientBefore);
                }
                System.gc();
            }
        }
    }

    /** Minor page faults of a process so far (field 10 of /proc/PID/stat). */
    private static long faults(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[7]);
    }
}

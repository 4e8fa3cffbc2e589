import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jparallel.client.AsyncResult;
import org.jparallel.client.Client;
import org.jparallel.client.Fn0;
import org.jparallel.client.LoadBalancedView;
import org.jparallel.controller.profile.ProfileDir;

/**
 * Rounds of load-balanced no-op tasks against a running cluster, each round's throughput and the CPU it cost per
 * task: the controller's, the engines' together, and this client's (from /proc, so whatever the machine's load).
 * The probe behind the A/B pairs in bench/README.md; {@code bench/probes/ab} runs it on fresh clusters, two jars
 * alternated.
 *
 * <pre>
 * bin/jpcluster start -n 4 --daemonize
 * java -cp kernel/target/jparallel-kernel.jar bench/probes/LoadBalancedRounds.java [ROUNDS] [TASKS]
 * </pre>
 *
 * Prints one line per round: {@code round 3: 4,812 tasks/s, CPU per task: controller 131 µs, engines 142 µs,
 * client 88 µs}. Connects to the default profile under {@code JPARALLEL_HOME} (or {@code ~/.jparallel}). Engines
 * open their JShell sessions once idle for 2 s, and the source launcher takes about that to start this probe: the
 * first round usually pays for those sessions too (engines at 2–3 ms of CPU per task), and for every JVM's JIT.
 */
public final class LoadBalancedRounds {
    static final Fn0<Object> NOOP = () -> null;
    static final Fn0<Long> PID = () -> ProcessHandle.current().pid();
    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int tasks = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        try (Client rc = Client.connect()) {
            rc.waitForEngines(1, Duration.ofSeconds(60));
            List<Long> engines = rc.all().applySync(PID);
            long controller = controllerPid();
            LoadBalancedView lv = rc.loadBalancedView();
            for (int round = 1; round <= rounds; round++) {
                long controllerBefore = cpuTicks(controller);
                long enginesBefore = cpuTicks(engines);
                long clientBefore = cpuTicks(ProcessHandle.current().pid());
                long start = System.nanoTime();
                List<AsyncResult<Object>> results = new ArrayList<>(tasks);
                for (int i = 0; i < tasks; i++) {
                    results.add(lv.applyAsync(NOOP));
                }
                results.forEach(AsyncResult::get);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("round %d: %,.0f tasks/s, CPU per task: controller %.0f µs, engines %.0f µs,"
                                + " client %.0f µs%n", round, tasks / seconds,
                        perTask(cpuTicks(controller) - controllerBefore, tasks),
                        perTask(cpuTicks(engines) - enginesBefore, tasks),
                        perTask(cpuTicks(ProcessHandle.current().pid()) - clientBefore, tasks));
            }
        }
    }

    private static long controllerPid() {
        ProfileDir profile = ProfileDir.of(ProfileDir.home(System.getenv()), ProfileDir.DEFAULT_PROFILE);
        return profile.liveController().orElseThrow(() -> new IllegalStateException(
                "no controller runs for " + profile.dir() + ": start one with bin/jpcluster start -n 4 --daemonize"))
                .pid();
    }

    private static double perTask(long ticks, int tasks) {
        return ticks * 1e6 / TICKS_PER_SECOND / tasks;
    }

    private static long cpuTicks(List<Long> pids) throws IOException {
        long total = 0;
        for (long pid : pids) {
            total += cpuTicks(pid);
        }
        return total;
    }

    /** utime + stime of a process, in clock ticks (fields 14 and 15 of /proc/PID/stat). */
    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}

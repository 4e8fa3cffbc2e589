import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jparallel.client.AsyncResult;
import org.jparallel.client.Client;
import org.jparallel.client.ClientOptions;
import org.jparallel.client.Fn;
import org.jparallel.client.Fn0;
import org.jparallel.client.Fn2;
import org.jparallel.client.Fn3;
import org.jparallel.client.LoadBalancedView;
import org.jparallel.client.TaskFlags;
import org.jparallel.client.TaskMetadata;
import org.jparallel.client.values.ClassBytes;
import org.jparallel.controller.launch.ClusterHandle;
import org.jparallel.controller.launch.ClusterLauncher;
import org.jparallel.controller.launch.ClusterOptions;

/**
 * Task graphs through the load-balanced view of a local 4-engine cluster: a random DAG of N tasks (each
 * depends on up to 3 earlier ones) and a chain of N tasks, first with {@code after} dependencies (no-op
 * tasks), then with results as arguments (each task takes its predecessors' AsyncResults and returns
 * their sum + 1, mod 1,000,003). Prints one JSON object on stdout; bench/dag/ipp_dag.py does the same
 * in ipyparallel, and bench/dag/run runs both side by side.
 *
 * <pre>
 * JPARALLEL_HOME=$(mktemp -d) java -cp kernel/target/jparallel-kernel.jar bench/dag/DagBench.java
 * </pre>
 *
 * Environment: JPARALLEL_HOME (required), N_DAG (tasks per graph, default 1000), DAG_SEED (default 6),
 * DAG_CONTROLLER_JVM and DAG_ENGINE_JVM (extra controller and engine JVM options, space-separated: how a
 * profiler is attached).
 *
 * <p>Per graph: wall time, tasks/s, the tasks' own run time (engine's started to completed) and the
 * scheduling overhead per task: wall time minus the time at least one task was running (the union of
 * their run intervals; for a chain, the sum of run times), divided by the tasks. And the CPU time each
 * process spent per task (controller, engines together, this client), from /proc: where the time goes
 * whatever the machine's load.
 */
public final class DagBench {
    static final int MOD = 1_000_003;
    static final int WARM_UP_ROUNDS = 5;
    static final int WARM_ROUNDS = 3;

    /** The functions sent; a nested class of their own so that only it travels under the source launcher. */
    static final class Tasks {
        static final Fn0<Object> NOOP = () -> null;
        static final Fn0<Integer> ONE = () -> 1;
        static final Fn<Integer, Integer> F1 = a -> (a + 1) % 1_000_003;
        static final Fn2<Integer, Integer, Integer> F2 = (a, b) -> (a + b + 1) % 1_000_003;
        static final Fn3<Integer, Integer, Integer, Integer> F3 = (a, b, c) -> (a + b + c + 1) % 1_000_003;
    }

    private static CpuTimes cpu;

    public static void main(String[] args) throws Exception {
        String home = System.getenv("JPARALLEL_HOME");
        if (home == null || home.isBlank()) {
            throw new IllegalStateException("set JPARALLEL_HOME to a scratch folder: the cluster's profile goes there");
        }
        int n = Integer.parseInt(System.getenv().getOrDefault("N_DAG", "1000"));
        long seed = Long.parseLong(System.getenv().getOrDefault("DAG_SEED", "6"));
        int[][] dag = Graphs.randomDag(n, seed);
        int[][] chain = Graphs.chain(n);
        String profile = "dagbench" + ProcessHandle.current().pid();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("subject", "jparallel (java " + Runtime.version() + ")");
        out.put("n", n);
        out.put("dag_edges", Graphs.edges(dag));
        out.put("dag_checksum", Graphs.checksum(dag));

        ClusterLauncher launcher = new ClusterLauncher(Path.of(home));
        try {
            log("starting 4 engines, profile " + profile);
            ClusterOptions defaults = ClusterOptions.defaults();
            ClusterOptions options = new ClusterOptions(defaults.ip(), jvmOptions("DAG_ENGINE_JVM"),
                    jvmOptions("DAG_CONTROLLER_JVM"), defaults.detach(), defaults.timeout());
            ClusterHandle cluster = launcher.start(profile, 4, options);
            cpu = new CpuTimes(cluster.controllerPid());
            try (Client rc = Client.connect(cluster.clientFile(), options())) {
                rc.waitForEngines(4, Duration.ofSeconds(60));
                rc.all().applySync(Tasks.NOOP); // every engine serving; apply needs no JShell session
                LoadBalancedView lv = rc.loadBalancedView();
                log("warm-up");
                afterRun(lv, Graphs.randomDag(200, seed + 1));
                argsRun(lv, Graphs.randomDag(200, seed + 1));
                log("dag, after");
                put(out, "dag_after", afterRun(lv, dag), n);
                log("chain, after");
                put(out, "chain_after", afterRun(lv, chain), n);
                log("dag, results as arguments");
                put(out, "dag_args", argsRun(lv, dag), n);
                log("chain, results as arguments");
                put(out, "chain_args", argsRun(lv, chain), n);
                warm(lv, dag, chain, out);
            }
        } finally {
            launcher.stop(profile);
        }
        System.out.println(json(out));
    }

    /**
     * The four graphs again once every JVM's JIT has compiled their paths (the figures above come from the
     * cluster's first seconds, as a notebook's first graph would): {@value #WARM_UP_ROUNDS} rounds of all four
     * unmeasured, then {@value #WARM_ROUNDS} measured, the round of median wall time per graph. What a session
     * that has been working for a while sees; ipyparallel's Python has no JIT, and its figures are its own.
     */
    private static void warm(LoadBalancedView lv, int[][] dag, int[][] chain, Map<String, Object> out) {
        log("warm: the graphs again after " + WARM_UP_ROUNDS + " rounds of all four");
        for (int i = 0; i < WARM_UP_ROUNDS; i++) {
            afterRun(lv, dag);
            afterRun(lv, chain);
            argsRun(lv, dag);
            argsRun(lv, chain);
        }
        Map<String, List<Timing>> rounds = new LinkedHashMap<>();
        for (int i = 0; i < WARM_ROUNDS; i++) {
            rounds.computeIfAbsent("dag_after_warm", k -> new ArrayList<>()).add(afterRun(lv, dag));
            rounds.computeIfAbsent("chain_after_warm", k -> new ArrayList<>()).add(afterRun(lv, chain));
            rounds.computeIfAbsent("dag_args_warm", k -> new ArrayList<>()).add(argsRun(lv, dag));
            rounds.computeIfAbsent("chain_args_warm", k -> new ArrayList<>()).add(argsRun(lv, chain));
        }
        rounds.forEach((key, timings) -> {
            List<Timing> sorted = new ArrayList<>(timings);
            sorted.sort(Comparator.comparingDouble(Timing::wallSeconds));
            put(out, key, sorted.get(sorted.size() / 2), dag.length);
        });
    }

    private static List<String> jvmOptions(String variable) {
        String options = System.getenv().getOrDefault(variable, "").trim();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }

    /**
     * Wall time, the tasks' own run time (engine's started to completed, summed) and the time at least one of
     * them ran (the union of those intervals), in seconds; CPU seconds of controller, engines and client.
     */
    record Timing(double wallSeconds, double runSeconds, double busySeconds, double[] cpuSeconds) {
    }

    private static Timing afterRun(LoadBalancedView lv, int[][] deps) {
        double[] cpuBefore = cpu.now();
        long start = System.nanoTime();
        List<AsyncResult<Object>> results = new ArrayList<>(deps.length);
        for (int[] d : deps) {
            if (d.length == 0) {
                results.add(lv.applyAsync(Tasks.NOOP));
            } else {
                AsyncResult<?>[] before = Arrays.stream(d).mapToObj(results::get).toArray(AsyncResult<?>[]::new);
                results.add(lv.withFlags(TaskFlags.NONE.withAfter(before)).applyAsync(Tasks.NOOP));
            }
        }
        results.forEach(AsyncResult::get);
        double wall = (System.nanoTime() - start) / 1e9;
        double[] cpuSeconds = cpu.since(cpuBefore); // before the metadata below is read: the tasks' cost only
        return new Timing(wall, runSeconds(results), busySeconds(results), cpuSeconds);
    }

    private static Timing argsRun(LoadBalancedView lv, int[][] deps) {
        double[] cpuBefore = cpu.now();
        long start = System.nanoTime();
        List<AsyncResult<Integer>> results = new ArrayList<>(deps.length);
        for (int[] d : deps) {
            results.add(switch (d.length) {
                case 0 -> lv.applyAsync(Tasks.ONE);
                case 1 -> lv.applyAsync(Tasks.F1, results.get(d[0]));
                case 2 -> lv.applyAsync(Tasks.F2, results.get(d[0]), results.get(d[1]));
                default -> lv.applyAsync(Tasks.F3, results.get(d[0]), results.get(d[1]), results.get(d[2]));
            });
        }
        results.forEach(AsyncResult::get);
        double wall = (System.nanoTime() - start) / 1e9;
        double[] cpuSeconds = cpu.since(cpuBefore);
        int[] expected = Graphs.values(deps);
        for (int i = 0; i < deps.length; i++) {
            if (results.get(i).get() != expected[i]) {
                throw new AssertionError("task " + i + " returned " + results.get(i).get() + ", not " + expected[i]);
            }
        }
        return new Timing(wall, runSeconds(results), busySeconds(results), cpuSeconds);
    }

    private static double runSeconds(List<? extends AsyncResult<?>> results) {
        double total = 0;
        for (AsyncResult<?> result : results) {
            for (TaskMetadata m : result.metadata()) {
                Instant started = m.started().orElseThrow();
                Instant completed = m.completed().orElseThrow();
                total += Duration.between(started, completed).toNanos() / 1e9;
            }
        }
        return total;
    }

    /** The time at least one of the tasks was running: the union of their started..completed intervals. */
    private static double busySeconds(List<? extends AsyncResult<?>> results) {
        List<Instant[]> intervals = new ArrayList<>();
        for (AsyncResult<?> result : results) {
            for (TaskMetadata m : result.metadata()) {
                intervals.add(new Instant[] {m.started().orElseThrow(), m.completed().orElseThrow()});
            }
        }
        intervals.sort((a, b) -> a[0].compareTo(b[0]));
        double total = 0;
        Instant from = null;
        Instant to = null;
        for (Instant[] interval : intervals) {
            if (to == null || interval[0].isAfter(to)) {
                total += to == null ? 0 : Duration.between(from, to).toNanos() / 1e9;
                from = interval[0];
                to = interval[1];
            } else if (interval[1].isAfter(to)) {
                to = interval[1];
            }
        }
        return total + (to == null ? 0 : Duration.between(from, to).toNanos() / 1e9);
    }

    private static void put(Map<String, Object> out, String key, Timing t, int n) {
        out.put(key + "_s", round(t.wallSeconds()));
        out.put(key + "_tasks_per_s", round(n / t.wallSeconds()));
        out.put(key + "_run_ms_per_task", round(1000 * t.runSeconds() / n));
        out.put(key + "_overhead_ms_per_task", round(1000 * (t.wallSeconds() - t.busySeconds()) / n));
        out.put(key + "_cpu_ms_per_task", "{\"controller\": " + round(1000 * t.cpuSeconds()[0] / n) + ", \"engines\": "
                + round(1000 * t.cpuSeconds()[1] / n) + ", \"client\": " + round(1000 * t.cpuSeconds()[2] / n) + "}");
    }

    /** User + system CPU seconds of the controller, of its engines together, and of this JVM, from /proc. */
    record CpuTimes(long controllerPid) {
        double[] now() {
            double engines = ProcessHandle.of(controllerPid).map(c -> c.descendants().mapToDouble(p -> seconds(p.pid())).sum())
                    .orElse(0.0);
            return new double[] {seconds(controllerPid), engines, seconds(ProcessHandle.current().pid())};
        }

        double[] since(double[] before) {
            double[] now = now();
            return new double[] {now[0] - before[0], now[1] - before[1], now[2] - before[2]};
        }

        private static double seconds(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0; // utime, stime in ticks
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }
    }

    /** The graphs, drawn by a generator that bench/dag/ipp_dag.py repeats exactly (a 64-bit LCG). */
    static final class Graphs {
        static int[][] randomDag(int n, long seed) {
            long[] state = {seed};
            int[][] deps = new int[n][];
            for (int i = 0; i < n; i++) {
                int k = Math.min(i, next(state, 4));
                int[] d = new int[k];
                for (int j = 0; j < k; ) {
                    int candidate = next(state, i);
                    if (Arrays.stream(d, 0, j).noneMatch(x -> x == candidate)) {
                        d[j++] = candidate;
                    }
                }
                deps[i] = d;
            }
            return deps;
        }

        static int[][] chain(int n) {
            int[][] deps = new int[n][];
            for (int i = 0; i < n; i++) {
                deps[i] = i == 0 ? new int[0] : new int[] {i - 1};
            }
            return deps;
        }

        private static int next(long[] state, int bound) {
            state[0] = state[0] * 6364136223846793005L + 1442695040888963407L;
            return (int) Long.remainderUnsigned(state[0] >>> 33, bound);
        }

        static int[] values(int[][] deps) {
            int[] values = new int[deps.length];
            for (int i = 0; i < deps.length; i++) {
                long sum = 1;
                for (int j : deps[i]) {
                    sum += values[j];
                }
                values[i] = (int) (sum % MOD);
            }
            return values;
        }

        static int edges(int[][] deps) {
            return Arrays.stream(deps).mapToInt(d -> d.length).sum();
        }

        static long checksum(int[][] deps) {
            long sum = 0;
            for (int i = 0; i < deps.length; i++) {
                for (int j : deps[i]) {
                    sum = (sum * 31 + i * 1009L + j) % 1_000_000_007L;
                }
            }
            return sum;
        }
    }

    /** As in bench/cluster/ClusterBench.java: under the source launcher, Tasks travels with the functions. */
    private static ClientOptions options() {
        ClassLoader loader = DagBench.class.getClassLoader();
        boolean onClassPath = Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .anyMatch(entry -> Files.exists(Path.of(entry, "DagBench.class")));
        if (onClassPath) {
            return ClientOptions.DEFAULT;
        }
        // Read once per class, as the client's own default does for a program run from source: its classes never
        // change, and every task of a loop asks again.
        Map<String, Optional<byte[]>> read = new ConcurrentHashMap<>();
        ClassBytes ours = name -> name.startsWith(Tasks.class.getName())
                ? read.computeIfAbsent(name, n -> classFile(loader, n)) : Optional.empty();
        return ClientOptions.DEFAULT.withClassBytes(ours).withClassLoader(loader);
    }

    private static Optional<byte[]> classFile(ClassLoader loader, String name) {
        try (InputStream in = loader.getResourceAsStream(name.replace('.', '/') + ".class")) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static void log(String what) {
        System.err.printf("[dag-bench %s] %s%n", ManagementFactory.getRuntimeMXBean().getUptime(), what);
    }

    private static String json(Map<String, Object> values) {
        return values.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\": " + (e.getValue() instanceof String s && !s.startsWith("{") ? "\"" + s + "\"" : e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }
}

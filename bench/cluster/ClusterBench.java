import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import org.jparallel.client.AsyncResult;
import org.jparallel.client.Client;
import org.jparallel.client.ClientOptions;
import org.jparallel.client.DirectView;
import org.jparallel.client.EngineView;
import org.jparallel.client.Fn;
import org.jparallel.client.Fn0;
import org.jparallel.client.LoadBalancedView;
import org.jparallel.client.Parallel;
import org.jparallel.client.values.ClassBytes;
import org.jparallel.controller.launch.ClusterHandle;
import org.jparallel.controller.launch.ClusterLauncher;
import org.jparallel.controller.launch.ClusterOptions;

/**
 * The workload of /work/shared/anchors/ipp_bench.py, against a jparallel cluster, from plain Java.
 * Prints one JSON object (same keys as the anchor, plus the JShell baseline) on stdout; progress
 * goes to stderr.
 *
 * <pre>
 * JPARALLEL_HOME=$(mktemp -d) java -cp kernel/target/jparallel-kernel.jar bench/cluster/ClusterBench.java
 * </pre>
 *
 * Environment: JPARALLEL_HOME (required: clusters go there), N_LB (load-balanced tasks, default 5000).
 */
public final class ClusterBench {
    /** The one-line statement both sides execute; ipyparallel's is {@code x = os.getpid()}. */
    static final String PX_STATEMENT = "x = ProcessHandle.current().pid();";
    static final int ARRAY_LENGTH = 10_000_000; // 80 MB of doubles, as the anchor

    /**
     * The functions the benchmark sends. In a nested class of their own so that, under the
     * single-file source launcher (whose classes engines cannot load), only this small class
     * travels with them, the way a notebook's cell lambdas do.
     */
    static final class Tasks {
        static final Fn0<Object> NOOP = () -> null;
        static final Fn<Integer, Integer> SQUARE = x -> x * x;
        static final Fn0<Long> PID = () -> ProcessHandle.current().pid();
        static final Fn0<Integer> ONE = () -> 1;
        static final Fn0<double[]> ARRAY = () -> new java.util.Random(1).doubles(ARRAY_LENGTH).toArray();
        static final Fn<double[], Integer> LENGTH = v -> v.length;
    }

    public static void main(String[] args) throws Exception {
        String home = System.getenv("JPARALLEL_HOME");
        if (home == null || home.isBlank()) {
            throw new IllegalStateException("set JPARALLEL_HOME to a scratch folder: the cluster's profile goes there");
        }
        int lbTasks = Integer.parseInt(System.getenv().getOrDefault("N_LB", "5000"));
        String profile = "bench" + ProcessHandle.current().pid();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("subject", "jparallel (java " + Runtime.version() + ")");

        log("baseline: warm JShell.eval in this JVM");
        out.put("jshell_eval_ms", round(jshellEvalMillis(50)));

        ClusterLauncher launcher = new ClusterLauncher(Path.of(home));
        long t0 = System.nanoTime();
        try {
            log("starting 4 engines, profile " + profile);
            ClusterHandle cluster = launcher.start(profile, 4, ClusterOptions.defaults());
            out.put("start_launcher_returned_s", round((System.nanoTime() - t0) / 1e9));
            try (Client rc = Client.connect(cluster.clientFile(), options())) {
                rc.waitForEngines(4, java.time.Duration.ofSeconds(60));
                out.put("start_4_engines_s", round((System.nanoTime() - t0) / 1e9));
                // Engines register before their JShell session is open; the first execute waits for it.
                rc.all().executeSync("long x;");
                out.put("start_first_execute_s", round((System.nanoTime() - t0) / 1e9));
                measure(rc, lbTasks, out);
            }
        } finally {
            launcher.stop(profile);
        }
        System.out.println(json(out));
    }

    private static void measure(Client rc, int lbTasks, Map<String, Object> out) throws IOException {
        DirectView all = rc.all();
        EngineView e0 = rc.engine(0);
        LoadBalancedView lv = rc.loadBalancedView();

        log("px");
        repeat(5, () -> all.executeSync(PX_STATEMENT));
        out.put("px_4_engines_ms", round(medianMillis(50, () -> all.executeSync(PX_STATEMENT))));

        log("apply");
        repeat(20, () -> e0.applySync(Tasks.NOOP));
        out.put("apply_1_engine_ms", round(medianMillis(200, () -> e0.applySync(Tasks.NOOP))));

        log("map");
        List<Integer> squares = all.mapSync(Tasks.SQUARE, Parallel.range(10));
        if (!squares.equals(List.of(0, 1, 4, 9, 16, 25, 36, 49, 64, 81))) {
            throw new AssertionError("map returned " + squares);
        }
        repeat(5, () -> all.mapSync(Tasks.SQUARE, Parallel.range(10)));
        out.put("map10_ms", round(medianMillis(50, () -> all.mapSync(Tasks.SQUARE, Parallel.range(10)))));

        log("load-balanced, " + lbTasks + " tasks");
        loadBalanced(lv, Math.min(500, lbTasks)); // JIT warm-up; the anchor's Python has none to do
        double seconds = loadBalanced(lv, lbTasks);
        out.put("lb_tasks", lbTasks);
        out.put("lb_tasks_per_s", round(lbTasks / seconds));

        log("push+pull 80 MB");
        double[] array = new Random(1).doubles(ARRAY_LENGTH).toArray();
        Runnable pushPull = () -> {
            e0.pushSync(Map.of("a", array));
            double[] back = e0.pullSync("a");
            if (back.length != array.length || back[ARRAY_LENGTH - 1] != array[ARRAY_LENGTH - 1]) {
                throw new AssertionError("pulled a different array");
            }
        };
        pushPull.run();
        out.put("pushpull_80MB_MBps", round(2.0 * array.length * Double.BYTES / (medianMillis(5, pushPull) / 1e3) / 1e6));
        e0.executeSync("a = null;"); // the anchor's `del a`

        // Idle: Python frees `a` at `del a`; an engine hands its heap back after 1.5 s without work (IdleHeapTrim).
        log("engine memory, after 2 s idle");
        sleep(2000);
        List<Long> pids = all.applySync(Tasks.PID);
        List<Double> rss = new ArrayList<>();
        List<Double> pss = new ArrayList<>();
        for (long pid : pids) {
            rss.add(procKb(Path.of("/proc", String.valueOf(pid), "status"), "VmRSS:") / 1024.0);
            pss.add(procKb(Path.of("/proc", String.valueOf(pid), "smaps_rollup"), "Pss:") / 1024.0);
        }
        out.put("engine_rss_MB_median", round(median(rss)));
        out.put("engine_pss_MB_median", round(median(pss)));
        out.put("engine_pss_MB", pss.stream().map(ClusterBench::round).collect(Collectors.toList()));

        engineToEngine(rc, lv, out);
        warm(all, e0, lv, lbTasks, out);
    }

    /**
     * The same calls again once the JIT has compiled their paths in every JVM (the figures above come from
     * the cluster's first minute): what a session that has been working for a while sees.
     */
    private static void warm(DirectView all, EngineView e0, LoadBalancedView lv, int lbTasks, Map<String, Object> out) {
        log("warm: apply, load-balanced and execute again after thousands of calls");
        repeat(3000, () -> e0.applySync(Tasks.NOOP));
        out.put("apply_1_engine_warm_ms", round(medianMillis(500, () -> e0.applySync(Tasks.NOOP))));
        for (int i = 0; i < 3; i++) {
            loadBalanced(lv, lbTasks);
        }
        List<Double> perSecond = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            perSecond.add(lbTasks / loadBalanced(lv, lbTasks));
        }
        out.put("lb_tasks_per_s_warm", round(median(perSecond)));
        repeat(300, () -> all.executeSync(PX_STATEMENT));
        out.put("px_4_engines_warm_ms", round(medianMillis(100, () -> all.executeSync(PX_STATEMENT))));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * An 80 MB value that engine 0 holds (an apply result), used by a task on engine 1: passed as the argument
     * (results as arguments, engine to engine) against fetched by the client and sent along with the task
     * (pull then push). The same route for both: load-balanced, placed on engine 1 by a follow dependency.
     */
    private static void engineToEngine(Client rc, LoadBalancedView lv, Map<String, Object> out) {
        log("engine to engine 80 MB");
        AsyncResult<Integer> onEngine1 = rc.engine(1).apply(Tasks.ONE);
        onEngine1.get();
        LoadBalancedView toEngine1 = lv.withFlags(Parallel.follow(onEngine1));
        List<Double> asArgument = new ArrayList<>();
        List<Double> throughClient = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            for (boolean direct : i % 2 == 0 ? new boolean[] {true, false} : new boolean[] {false, true}) {
                AsyncResult<double[]> held = rc.engine(0).apply(Tasks.ARRAY);
                if (!held.waitFor(java.time.Duration.ofMinutes(2))) {
                    throw new AssertionError("engine 0 did not make the array in 2 minutes");
                }
                long start = System.nanoTime();
                AsyncResult<Integer> used = direct ? toEngine1.apply(Tasks.LENGTH, held)
                        : toEngine1.apply(Tasks.LENGTH, held.get());
                if (used.get() != ARRAY_LENGTH || !used.engineIds().equals(List.of(1))) {
                    throw new AssertionError("the task ran on " + used.engineIds() + " and saw " + used.get());
                }
                (direct ? asArgument : throughClient).add((System.nanoTime() - start) / 1e6);
            }
            System.gc(); // the held values of earlier rounds are released once their results are garbage
        }
        // the first of each is warm-up
        double args = median(asArgument.subList(1, asArgument.size()));
        double pullPush = median(throughClient.subList(1, throughClient.size()));
        out.put("e2e_80MB_args_ms", round(args));
        out.put("e2e_80MB_pullpush_ms", round(pullPush));
    }

    private static double loadBalanced(LoadBalancedView lv, int n) {
        long start = System.nanoTime();
        List<AsyncResult<Object>> results = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            results.add(lv.applyAsync(Tasks.NOOP));
        }
        for (AsyncResult<Object> result : results) {
            result.get();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** One warm {@code JShell.eval} of the statement, in this JVM with local execution: what an engine does. */
    private static double jshellEvalMillis(int n) {
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            Supplier<List<SnippetEvent>> eval = () -> shell.eval(PX_STATEMENT);
            shell.eval("long x;");
            repeat(10, () -> check(eval.get()));
            return medianMillis(n, () -> check(eval.get()));
        }
    }

    private static void check(List<SnippetEvent> events) {
        for (SnippetEvent event : events) {
            if (event.status() == Snippet.Status.REJECTED || event.exception() != null) {
                throw new AssertionError("JShell rejected " + PX_STATEMENT + ": " + event);
            }
        }
    }

    /**
     * Run from compiled classes, the engines load {@link Tasks} from the shared class path. Run by the
     * single-file source launcher, the class exists only in this JVM's memory, so its bytecode travels
     * with the functions, as the kernel ships a notebook's snippet classes.
     */
    private static ClientOptions options() {
        ClassLoader loader = ClusterBench.class.getClassLoader();
        boolean onClassPath = Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .anyMatch(entry -> Files.exists(Path.of(entry, "ClusterBench.class")));
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

    private static long procKb(Path file, String field) throws IOException {
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
            }
        }
        throw new IOException(field + " not in " + file);
    }

    private static void repeat(int n, Runnable action) {
        for (int i = 0; i < n; i++) {
            action.run();
        }
    }

    private static double medianMillis(int n, Runnable action) {
        List<Double> times = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            action.run();
            times.add((System.nanoTime() - start) / 1e6);
        }
        return median(times);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().collect(Collectors.toList());
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static void log(String what) {
        System.err.printf("[cluster-bench %s] %s%n", ManagementFactory.getRuntimeMXBean().getUptime(), what);
    }

    private static String json(Map<String, Object> values) {
        return values.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\": " + (e.getValue() instanceof String s ? "\"" + s + "\"" : e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }
}

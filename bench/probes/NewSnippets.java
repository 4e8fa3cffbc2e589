import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.jparallel.client.Client;
import org.jparallel.client.DirectView;

/**
 * New code on every engine, as a notebook sends it: {@code N} executes of snippets never seen before (each a javac
 * compilation in every engine), then the median of 40 more, a numeric loop in a cell right after (users' code, which
 * waits for C2 behind whatever else the engine's C2 has queued), and each engine's PSS 3 s later. The probe behind
 * the engines' C2 exclusions of javac and JShell (bench/README.md); {@code bench/probes/ab} alternates two jars.
 *
 * <pre>
 * bin/jpcluster start -n 4 --daemonize
 * java -cp kernel/target/jparallel-kernel.jar bench/probes/NewSnippets.java [N]
 * </pre>
 *
 * Prints one line: {@code 400 snippets 31.2 s | a new snippet after them 74.0 ms | numeric cell 480 ms | PSS per
 * engine 93.5 MB}.
 */
public final class NewSnippets {
    public static void main(String[] args) throws Exception {
        int snippets = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        try (Client rc = Client.connect()) {
            rc.waitForEngines(1, Duration.ofSeconds(60));
            DirectView all = rc.all();
            long start = System.nanoTime();
            all.executeSync("int w0 = 0;");
            for (int i = 1; i < snippets; i++) {
                all.executeSync("int w" + i + " = " + i + " + w" + (i - 1) + ";");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double[] after = new double[40];
            for (int i = 0; i < after.length; i++) {
                long t = System.nanoTime();
                all.executeSync("String s" + i + " = \"v\" + " + i + ";");
                after[i] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(after);
            long loop = System.nanoTime();
            all.executeSync("double acc = 0; for (int i = 0; i < 50_000_000; i++) { acc += Math.sqrt(i); }");
            double loopMillis = (System.nanoTime() - loop) / 1e6;
            List<Long> pids = all.applySync(() -> ProcessHandle.current().pid());
            Thread.sleep(3000);
            double pss = 0;
            for (long pid : pids) {
                for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "smaps_rollup"))) {
                    if (line.startsWith("Pss:")) {
                        pss += Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                    }
                }
            }
            System.out.printf("%d snippets %.1f s | a new snippet after them %.1f ms | numeric cell %.0f ms | PSS per"
                    + " engine %.1f MB%n", snippets, seconds, after[after.length / 2], loopMillis, pss / pids.size());
        }
    }
}

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;

/**
 * The floor a kernel's trivial cell is compared against: {@code JShell.eval} of one snippet, with
 * local execution, in this JVM, and nothing else (no sockets, no messages, no display).
 *
 * <pre>
 *   java [JVM flags] [-Dbare.classpath=JAR] [-Dbare.imports=true] bench/BareJShell.java [SNIPPET] [WARMUP] [SAMPLES]
 * </pre>
 *
 * With {@code bare.classpath} and {@code bare.imports} the session is set up as the kernel's is
 * (its jar on the class path, the jshell tool's default imports), still without a kernel around it.
 * Prints one JSON object: milliseconds from main to JShell built, to the first eval done, and
 * every timed warm eval. Run with the source launcher, so there is nothing to build.
 */
public final class BareJShell {
    /** The jshell tool's default imports, which the kernel evaluates at startup too. */
    private static final String[] IMPORTS = {
        "java.io.*", "java.math.*", "java.net.*", "java.nio.file.*", "java.util.*",
        "java.util.concurrent.*", "java.util.function.*", "java.util.regex.*", "java.util.stream.*",
    };

    public static void main(String[] args) {
        String snippet = args.length > 0 ? args[0] : "1 + 1";
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int samples = args.length > 2 ? Integer.parseInt(args[2]) : 200;

        long t0 = System.nanoTime();
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            String classPath = System.getProperty("bare.classpath", "");
            if (!classPath.isEmpty()) {
                shell.addToClasspath(classPath);
            }
            if (Boolean.getBoolean("bare.imports")) {
                for (String name : IMPORTS) {
                    shell.eval("import " + name + ";");
                }
            }
            double built = millis(t0);
            String first = value(shell.eval(snippet));
            double firstEval = millis(t0);
            for (int i = 0; i < warmup; i++) {
                value(shell.eval(snippet));
            }
            List<Double> timed = new ArrayList<>();
            for (int i = 0; i < samples; i++) {
                long t = System.nanoTime();
                value(shell.eval(snippet));
                timed.add(millis(t));
            }
            StringBuilder json = new StringBuilder();
            json.append("{\"snippet\": \"").append(snippet.replace("\\", "\\\\").replace("\"", "\\\""))
                    .append("\", \"value\": \"").append(first)
                    .append("\", \"main_to_ready_ms\": ").append(fmt(built))
                    .append(", \"main_to_first_eval_ms\": ").append(fmt(firstEval))
                    .append(", \"warmup\": ").append(warmup)
                    .append(", \"eval_ms\": [");
            for (int i = 0; i < timed.size(); i++) {
                json.append(i == 0 ? "" : ", ").append(fmt(timed.get(i)));
            }
            json.append("]}");
            System.out.println(json);
        }
    }

    /** The value of the snippet's last event; fails loudly if the snippet did not run. */
    private static String value(List<SnippetEvent> events) {
        SnippetEvent last = events.get(events.size() - 1);
        if (last.status() != Snippet.Status.VALID || last.exception() != null) {
            throw new IllegalStateException("snippet did not run: " + last);
        }
        return last.value();
    }

    private static double millis(long since) {
        return (System.nanoTime() - since) / 1e6;
    }

    private static String fmt(double ms) {
        return String.format(Locale.ROOT, "%.3f", ms);
    }
}

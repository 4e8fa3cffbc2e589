import java.util.List;
import org.jparallel.display.Display;
import org.jparallel.repl.JavaSession;
import org.jparallel.repl.SessionOptions;

/**
 * What an engine's session costs to open, in parts: JShell with the engine's imports, the display prelude, the
 * first two cells. Run in a fresh JVM with C1 only, as engines compile javac:
 *
 * <pre>
 * java -XX:TieredStopAtLevel=1 -cp kernel/target/jparallel-kernel.jar bench/probes/PreludeCost.java prelude
 * java -XX:TieredStopAtLevel=1 -cp kernel/target/jparallel-kernel.jar bench/probes/PreludeCost.java none
 * </pre>
 *
 * Prints {@code open 306 ms, prelude 345 ms, first cell 132 ms, second 52 ms, total 835 ms}.
 */
public final class PreludeCost {
    public static void main(String[] args) {
        long t0 = System.nanoTime();
        JavaSession java = JavaSession.open(SessionOptions.defaults().withoutStopChecks().withHostClassPath()
                .withStartup(List.of(SessionOptions.JSHELL_IMPORTS
                        + "import java.time.Duration;\nimport org.jparallel.client.*;\n")));
        long t1 = System.nanoTime();
        if (args.length > 0 && args[0].equals("prelude")) {
            java.define("$display", Display.class.getName(), new Display(event -> { }));
            java.eval(Display.prelude("$display"), JavaSession.STARTUP_CELL_NAME);
        }
        long t2 = System.nanoTime();
        java.eval("int x = 1 + 1;");
        long t3 = System.nanoTime();
        java.eval("System.out.println(\"hi \" + x);");
        long t4 = System.nanoTime();
        System.out.printf("open %.0f ms, prelude %.0f ms, first cell %.0f ms, second %.0f ms, total %.0f ms%n",
                (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t4 - t3) / 1e6, (t4 - t0) / 1e6);
        java.close();
    }
}

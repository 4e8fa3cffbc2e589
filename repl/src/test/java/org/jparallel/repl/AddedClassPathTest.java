package org.jparallel.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.ToolProvider;
import org.jparallel.repl.CellOutcome.Success;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder or jar added to a session ({@code %jars}) serves the whole JVM, not only cells: the cluster client
 * decodes values of its classes, an engine runs lambdas that use them. Each test compiles a class of its own,
 * since the JVM's class path only grows.
 */
class AddedClassPathTest {
    @TempDir
    Path classes;

    @Test
    void aCellAndTheRestOfTheJvmSeeTheSameClass() throws Exception {
        compile("added.one", "Widget", "public class Widget { public int size() { return 7; } }");
        try (JavaSession session = JavaSession.open(SessionOptions.defaults())) {
            assertTrue(session.addToClasspath(classes));

            Object inCell = valueOf(session, "added.one.Widget.class");

            assertSame(Class.forName("added.one.Widget", false, ClassLoader.getSystemClassLoader()), inCell);
            assertEquals(7, valueOf(session, "new added.one.Widget().size()"));
        }
    }

    @Test
    void aSessionOpenedLaterOnTheHostClassPathCompilesAgainstIt() throws Exception {
        compile("added.two", "Widget", "public class Widget { public static String name() { return \"two\"; } }");
        try (JavaSession first = JavaSession.open(SessionOptions.defaults())) {
            first.addToClasspath(classes);
        }
        // what an engine does after a clear: its next session must still know the jars its cells added
        try (JavaSession next = JavaSession.open(SessionOptions.defaults().withHostClassPath())) {
            assertEquals("two", valueOf(next, "added.two.Widget.name()"));
        }
    }

    @Test
    void aCellStillRunningInAJarsCodeAfterAnInterruptSaysWhereAndWhatEndsIt() throws Exception {
        assumeTrue(Runtime.version().feature() >= 20, "before JDK 20, Thread.stop ends a jar's code too");
        compile("added.three", "Spin", "public class Spin { public static volatile boolean go = true, started;"
                + " public static void run() { started = true; while (go) { } } }");
        java.io.PrintStream original = System.err;
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        try (JavaSession session = JavaSession.open(SessionOptions.defaults())) {
            session.addToClasspath(classes);
            System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
            Thread cell = new Thread(() -> session.eval("added.three.Spin.run()"));
            cell.start();
            while (!Class.forName("added.three.Spin").getField("started").getBoolean(null)) {
                Thread.sleep(10); // a stop that comes while javac still compiles the cell ends it before it runs
            }
            session.stop();
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
            while (!err.toString(java.nio.charset.StandardCharsets.UTF_8).contains("still runs")
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Class.forName("added.three.Spin").getField("go").set(null, false);
            cell.join(20_000);
        } finally {
            System.setErr(original);
        }
        String said = err.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(said.contains("The cell still runs after the interrupt, in added.three.Spin.run(Spin.java")
                && said.contains("restart of the kernel"), said);
    }

    private void compile(String packageName, String className, String body) throws Exception {
        Path source = Files.writeString(classes.resolve(className + ".java"), "package " + packageName + ";\n" + body);
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                source.toString()));
        Files.delete(source);
    }

    private static Object valueOf(JavaSession session, String cell) {
        CellOutcome outcome = session.eval(cell);
        return assertInstanceOf(Success.class, outcome, outcome::toString).value().orElseThrow().object();
    }
}

package org.jparallel.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

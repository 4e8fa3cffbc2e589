package org.jparallel.client.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;
import org.jparallel.client.RemoteError;
import org.jparallel.repl.CellOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code %jars} on the engines ({@code %px %jars PATH} in a notebook): their cells, and lambdas typed in the
 * kernel, use the classes of a jar that neither side had at start.
 */
class EngineJarsTest {
    @RegisterExtension
    static final SharedCluster cluster = SharedCluster.engines(1);
    @TempDir
    static Path library;
    @TempDir
    static Path sources;
    /** A folder the kernel adds and the engine does not. */
    @TempDir
    static Path kernelOnly;
    static KernelSession cells;

    @BeforeAll
    static void start() throws Exception {
        compile("Scale.java", "package jarsdemo; public class Scale { public static int times3(int x) { return 3 * x; } }");
        compile("Point.java", "package jarsdemo; public record Point(int x, int y) implements java.io.Serializable { }");
        compile("Triple.java", "package kernelonly; public class Triple { public static int of(int x) { return 3 * x; } }",
                kernelOnly);
        cells = new KernelSession(cluster.clientFile());
        cells.addToClasspath(library);
        cells.addToClasspath(kernelOnly);
        cells.eval("import jarsdemo.*;");
        cells.eval("rc.engine(0).executeSync(\"%jars " + library + "\");");
    }

    @AfterAll
    static void stop() {
        cells.close();
    }

    @Test
    void cellsOnTheEngineUseTheJar() {
        cells.eval("rc.engine(0).executeSync(\"int nine = jarsdemo.Scale.times3(3);\");");
        assertEquals(9, cells.eval("rc.engine(0).pullSync(\"nine\")"));
    }

    @Test
    void aLambdaTypedInTheKernelUsesTheJarOnTheEngine() {
        assertEquals(List.of(0, 3, 6), cells.eval("rc.all().mapSync(x -> Scale.times3(x), range(3))"));
    }

    @Test
    void aValueOfAClassOfTheJarComesBackAsThatClass() throws Exception {
        Object point = cells.eval("rc.engine(0).applySync(() -> new Point(1, 2))");
        assertSame(Class.forName("jarsdemo.Point", false, ClassLoader.getSystemClassLoader()), point.getClass());
        assertEquals("Point[x=1, y=2]", point.toString());
    }

    @Test
    void theJarOutlivesAClearOfTheNamespace() {
        cells.eval("rc.all().clear();");
        cells.eval("rc.engine(0).executeSync(\"int six = jarsdemo.Scale.times3(2);\");");
        assertEquals(6, cells.eval("rc.engine(0).pullSync(\"six\")"));
    }

    @Test
    void aPathTheEngineLacksIsAUsageError() {
        CellOutcome.RuntimeError error = cells.evalFailing("rc.engine(0).executeSync(\"%jars /no/such/library.jar\");");
        assertEquals(RemoteError.class.getName(), error.exceptionClass());
        assertTrue(error.message().contains("UsageError: no such file or folder: /no/such/library.jar"), error.message());
    }

    @Test
    void aLambdaUsingAClassTheEngineLacksSaysHowToAddItsJar() {
        CellOutcome.RuntimeError error = cells.evalFailing("rc.engine(0).applySync(() -> kernelonly.Triple.of(2))");
        assertTrue(error.message().contains("NoClassDefFoundError: kernelonly/Triple (this engine has no class"
                + " kernelonly.Triple: add the jar that holds it to the engines with %px %jars PATH"), error.message());
    }

    private static void compile(String file, String source) throws Exception {
        compile(file, source, library);
    }

    private static void compile(String file, String source, Path into) throws Exception {
        Path path = Files.writeString(sources.resolve(file), source);
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", into.toString(),
                path.toString()));
    }
}

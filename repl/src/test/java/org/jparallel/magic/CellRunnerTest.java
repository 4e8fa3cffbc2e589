package org.jparallel.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.tools.ToolProvider;
import org.jparallel.display.Display;
import org.jparallel.magic.builtin.JarsMagic;
import org.jparallel.magic.builtin.LsMagic;
import org.jparallel.magic.builtin.TimeMagic;
import org.jparallel.repl.CellOutcome;
import org.jparallel.repl.JavaSession;
import org.jparallel.repl.SessionOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CellRunnerTest {
    private static JavaSession session;
    private final MagicRegistry registry = new MagicRegistry()
            .register(new LsMagic()).register(new TimeMagic()).register(new JarsMagic());
    private final List<String> redirects = new ArrayList<>();
    private CellRunner runner;
    private MagicContext context;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream originalOut;

    @BeforeAll
    static void open() {
        session = JavaSession.open(SessionOptions.defaults().withHostClassPath()); // as the kernel's and engines' sessions
    }

    @AfterAll
    static void close() {
        session.close();
    }

    @BeforeEach
    void wire() {
        runner = new CellRunner(session, registry);
        context = new MagicContext() {
            public JavaSession session() {
                return session;
            }

            public Display display() {
                return new Display(event -> { });
            }

            public MagicRegistry registry() {
                return registry;
            }

            public CellOutcome runCell(String code) {
                return runner.runNested(code, this);
            }

            public AutoCloseable onInterrupt(Runnable onInterrupt) {
                return () -> { };
            }

            public void redirectCells(String cellMagicName) {
                redirects.add(cellMagicName);
                runner.redirectCells(cellMagicName);
            }
        };
        originalOut = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private Object value(CellOutcome outcome) {
        return assertInstanceOf(CellOutcome.Success.class, outcome).value().orElseThrow().object();
    }

    @Test
    void aNameEndingInAQuestionMarkPrintsItsSignatureAsIPythonsHelpDoes() {
        CellOutcome outcome = runner.run("Math.floorMod?", context);
        assertInstanceOf(CellOutcome.Success.class, outcome, outcome::toString);
        assertTrue(printed().contains("floorMod(int x, int y)"), printed());
    }

    @Test
    void helpForANameThatIsNotThereSaysSo() {
        CellOutcome outcome = runner.run("?noSuchThingHere", context);
        assertEquals("Object `noSuchThingHere` not found.",
                assertInstanceOf(CellOutcome.RuntimeError.class, outcome).message());
    }

    @Test
    void aConditionalExpressionIsNoHelpRequest() {
        session.eval("boolean yes = true;");
        CellOutcome outcome = runner.run("yes ? 1 : 2", context);
        assertEquals(1, assertInstanceOf(CellOutcome.Success.class, outcome).value().orElseThrow().object());
    }

    @Test
    void plainJavaRunsInTheSession() {
        assertEquals(4, value(runner.run("2 + 2", context)));
    }

    @Test
    void aNamedCellNamesItsJavaInStackTraces() {
        var error = assertInstanceOf(CellOutcome.RuntimeError.class, runner.run(
                "%lsmagic\nint failing() { throw new IllegalStateException(\"no\"); }\nfailing()", "In [7]", context));
        String trace = String.join("\n", error.traceback());
        assertTrue(trace.contains("In [7]"), trace);
    }

    @Test
    void aLineMagicIsAValueWhereJavaAssignsIt(@TempDir Path dir) throws Exception {
        new java.util.jar.JarOutputStream(Files.newOutputStream(dir.resolve("a.jar"))).close();
        Object added = value(runner.run("java.util.List<String> added = %jars " + dir.resolve("*.jar") + "\nadded", context));
        assertEquals(List.of(dir.resolve("a.jar").toString()), added);
        assertEquals(12, value(runner.run("int timed = %time 3 * 4;\ntimed", context)));
    }

    @Test
    void aLineMagicsValueConvertsToTheDeclaredTypeAsJavaWould() {
        assertEquals(42L, value(runner.run("long widened = %time 6 * 7;\nwidened", context)));
        assertEquals(3, value(runner.run("var text = %time \"abc\";\ntext.length()", context)));
    }

    @Test
    void jarsTakesAQuotedPathWithSpaces(@TempDir Path dir) throws Exception {
        Path jar = Files.createDirectories(dir.resolve("my libs")).resolve("a.jar");
        new java.util.jar.JarOutputStream(Files.newOutputStream(jar)).close();
        assertInstanceOf(CellOutcome.Success.class, runner.run("%jars \"" + jar + "\"", context));
    }

    @Test
    void jarsGlobInAFolderThatDoesNotExistIsAUsageError() {
        var error = assertInstanceOf(CellOutcome.RuntimeError.class, runner.run("%jars /no/such/folder/*.jar", context));
        assertEquals("UsageError", error.exceptionClass());
        assertTrue(error.message().startsWith("no such folder: /no/such/folder"), error.message());
    }

    @Test
    void aPercentInAStringOrAnOperatorIsJava() {
        assertEquals("x=%time", value(runner.run("String format = \"x=%time\";\nformat", context)));
        assertEquals(1, value(runner.run("int r = 7 %2;\nr", context)));
    }

    @Test
    void aFileThatIsNotAJarIsRefusedAndLaterCellsStillCompile(@TempDir Path dir) throws Exception {
        Path notAJar = Files.writeString(dir.resolve("broken.jar"), "not a zip");
        var error = assertInstanceOf(CellOutcome.RuntimeError.class, runner.run("%jars " + notAJar, context));
        assertTrue(error.message().startsWith(notAJar + " is not a jar (a zip file)"), error.message());
        assertEquals(3, value(runner.run("1 + 2", context)));
    }

    @Test
    void aFailingMagicUsedAsAValueStopsTheCell() {
        var error = assertInstanceOf(CellOutcome.RuntimeError.class,
                runner.run("java.util.List<String> none = %jars\nint after = 1;", context));
        assertEquals("UsageError", error.exceptionClass());
        assertTrue(session.variable("after").isEmpty());
    }

    @Test
    void unknownMagicListsTheKnownOnes() {
        var error = assertInstanceOf(CellOutcome.RuntimeError.class, runner.run("%nope", context));
        assertEquals("UsageError", error.exceptionClass());
        assertTrue(error.message().contains("%lsmagic") && error.message().contains("%%time"), error.message());
    }

    @Test
    void aCellMagicBelowTheFirstLineSaysWhereItGoes() {
        var error = assertInstanceOf(CellOutcome.RuntimeError.class, runner.run("int x = 1;\n%%time\nx + 1", context));
        assertTrue(error.message().startsWith("%%time is a cell magic: put it on the first line of its cell"),
                error.message());
    }

    @Test
    void aMagicInABlockCommentDoesNotRun() {
        assertInstanceOf(CellOutcome.Success.class, runner.run("/*\n%lsmagic\n*/\nint q = 1;", context));
        assertFalse(printed().contains("%jars"), printed());
        assertTrue(session.variable("q").isPresent());
    }

    @Test
    void aTextBlockLineThatStartsWithPercentIsText() {
        assertEquals("Ann scored 7 points\n", value(runner.run(
                "String report = \"\"\"\n%s scored %d points\n\"\"\".formatted(\"Ann\", 7);\nreport", context)));
    }

    @Test
    void aRemainderOnAContinuedLineIsJava() {
        assertEquals(1, value(runner.run("int r2 = 10\n% 3;\nr2", context)));
    }

    @Test
    void lsmagicPrintsLineAndCellMagics() {
        runner.run("%lsmagic", context);
        assertTrue(printed().contains("%jars  %lsmagic  %time"), printed());
        assertTrue(printed().contains("%%time"), printed());
    }

    @Test
    void lineTimeReturnsTheValueAndPrintsWallTime() {
        assertEquals(5, value(runner.run("%time 2 + 3", context)));
        assertTrue(printed().contains("Wall time:"), printed());
    }

    @Test
    void timeOfNewCodeSaysHowMuchOfTheWallTimeWasCompiling() {
        runner.run("%time String.valueOf(41 + 1)", context);
        assertTrue(printed().contains("Compiler : "), printed());
    }

    @Test
    void timeOfCodeThatDoesNotCompilePrintsNoTimes() {
        assertInstanceOf(CellOutcome.CompileError.class, runner.run("%time nosuch + 1", context));
        assertFalse(printed().contains("Wall time"), printed());
    }

    @Test
    void timeOfCodeCompiledBeforeSaysNothingOfCompiling() {
        runner.run("%time String.valueOf(40 + 2)", context);
        out.reset();
        runner.run("%time String.valueOf(40 + 2)", context);
        assertTrue(printed().contains("Wall time:") && !printed().contains("Compiler"), printed());
    }

    @Test
    void compileTimeLeavesTheCodesOwnRunOut() {
        long before = session.compileNanos();
        runner.run("Thread.sleep(2000);", context);
        long compile = session.compileNanos() - before;
        assertTrue(compile > 0 && compile < 2_000_000_000L, compile + " ns");
    }

    @Test
    void cellTimeRunsTheBody() {
        assertEquals(7, value(runner.run("%%time\nint seven = 7;\nseven", context)));
        assertTrue(printed().contains("CPU time:"), printed());
    }

    @Test
    void cellTimeWithCodeOnItsOwnLineIsAUsageError() {
        var error = assertInstanceOf(CellOutcome.RuntimeError.class, runner.run("%%time 1\n2", context));
        assertEquals("UsageError", error.exceptionClass());
    }

    @Test
    void questionMarkPrintsUsage() {
        runner.run("%jars?", context);
        assertTrue(printed().startsWith("%jars PATH..."), printed());
    }

    @Test
    void wrongArgumentsShowTheUsage() {
        var error = assertInstanceOf(CellOutcome.RuntimeError.class, runner.run("%jars", context));
        assertTrue(error.message().contains("%jars needs at least one path"), error.message());
        assertTrue(error.message().contains("%jars PATH..."), error.message());
    }

    @Test
    void javaAfterALineMagicKeepsItsLineNumbers() {
        var error = assertInstanceOf(CellOutcome.CompileError.class,
                runner.run("%lsmagic\nint ok = 1;\nint bad = \"s\";", context));
        assertTrue(error.traceback().get(0).contains("line 3"), error.traceback().toString());
    }

    @Test
    void jarsAddsAFolderOfClasses(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("Answer.java");
        Files.writeString(source, "package demo; public class Answer { public static int get() { return 42; } }");
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", dir.toString(),
                source.toString()));
        assertInstanceOf(CellOutcome.Success.class, runner.run("%jars " + dir, context));
        assertEquals(42, value(runner.run("demo.Answer.get()", context)));
    }

    @Test
    void redirectedCellsGoToTheCellMagic() {
        runner.redirectCells("time");
        assertEquals(3, value(runner.run("1 + 2", context)));
        assertTrue(printed().contains("Wall time:"), printed());
        runner.redirectCells(null);
    }

    @Test
    void redirectedCellMagicCanRunItsBodyAsJava() {
        runner.redirectCells("time");
        assertEquals(9, value(runner.run("%%time\n4 + 5", context)));
        runner.redirectCells(null);
    }

    @Test
    void registryListsMagicsByKind() {
        assertEquals(Set.of(MagicKind.LINE, MagicKind.CELL), registry.find("time").orElseThrow().kinds());
        assertEquals("%%time", registry.listing(MagicKind.CELL));
    }
}

package org.jparallel.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.jparallel.magic.builtin.Timeit;
import org.jparallel.repl.CellOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TimeitMagicTest {
    private static final String REPORT =
            "\\S+ (s|ms|µs|ns) ± \\S+ (s|ms|µs|ns) per loop \\(mean ± std\\. dev\\. of \\d+ runs?, [\\d,]+ loops? each\\)\n";

    private final TestNotebook notebook = TestNotebook.with(MagicRegistry.builtins(Set.of()));

    @AfterEach
    void close() {
        notebook.close();
    }

    @Test
    void anExpressionIsTimedOverTheLoopsAndRunsAsked() {
        Timeit.Timing timing = timing("%timeit -o -n 1000 -r 3 Math.sqrt(2.0)");
        assertEquals(1000, timing.loops());
        assertEquals(3, timing.runNanos().length);
        assertTrue(printed().matches(REPORT), printed());
    }

    @Test
    void statementsRunEachLoopAndSeeTheSessionsVariables() {
        run("int counted = 0;");
        run("%timeit -n 10 -r 2 counted++; counted++;");
        assertEquals(40, value("counted"));
    }

    @Test
    void aVoidCallIsTimedAsAStatement() {
        run("int[] numbers = {3, 1, 2};");
        run("%timeit -n 5 -r 1 java.util.Arrays.sort(numbers)");
        assertTrue(printed().matches(REPORT.replace("runs?", "run")), printed());
    }

    @Test
    void withoutLoopsARunLastsAtLeastAFifthOfASecond() {
        Timeit.Timing timing = timing("%timeit -o -r 2 Thread.sleep(30)");
        assertTrue(java.util.List.of(2, 5, 10).contains(timing.loops()), timing.toString()); // 1 loop: under 0.2 s
        assertTrue(timing.loops() * timing.bestNanosPerLoop() >= 0.2e9, timing.toString());
    }

    @Test
    void theCellFormRunsItsSetupOnceThenTimesTheBody() {
        run("int setups = 0;");
        run("%%timeit -n 3 -r 2 setups++; int[] data = new int[100];\njava.util.Arrays.fill(data, setups);");
        assertEquals(1, value("setups"));
    }

    @Test
    void anExceptionInTheCodeIsTheCellsError() {
        CellOutcome outcome = notebook.run("%timeit -n 1 Integer.parseInt(\"x\")");
        assertEquals("java.lang.NumberFormatException",
                assertInstanceOf(CellOutcome.RuntimeError.class, outcome).exceptionClass());
    }

    @Test
    void aThrowStatementFailsTheCellWithItsException() {
        CellOutcome outcome = notebook.run("%timeit -n 1 -r 1 throw new IllegalStateException(\"t\")");
        var error = assertInstanceOf(CellOutcome.RuntimeError.class, outcome);
        assertEquals("java.lang.IllegalStateException", error.exceptionClass());
        assertTrue(!String.join("\n", error.traceback()).contains("org.jparallel"), "the magic's own frames are"
                + " shown: " + error.traceback());
    }

    @Test
    void codeThatDoesNotCompileSaysWhy() {
        assertInstanceOf(CellOutcome.CompileError.class, notebook.run("%timeit noSuchMethod()"));
    }

    @Test
    void anUnknownNameIsReportedAsSuchAndOnTheUsersOwnLine() {
        var error = assertInstanceOf(CellOutcome.CompileError.class, notebook.run("%timeit undefinedName"));
        assertTrue(error.message().contains("cannot find symbol"), error.message());
        assertTrue(!String.join("\n", error.traceback()).contains("Timeit.measure"), error.traceback().toString());
    }

    @Test
    void attachedOptionValuesAreTakenAsIPythonTakesThem() {
        Timeit.Timing timing = timing("%timeit -o -n7 -r2 Math.sqrt(2.0)");
        assertEquals(7, timing.loops());
        assertEquals(2, timing.runNanos().length);
    }

    @Test
    void wrongOptionsAreAUsageError() {
        for (String wrong : new String[] {"%timeit -n 0 1 + 1", "%timeit -r x 1 + 1", "%timeit -n 5",
                "%timeit -x 1", "%timeit --help", "%%timeit -n 1\n%sh echo inner"}) {
            CellOutcome outcome = notebook.run(wrong);
            assertEquals("UsageError", assertInstanceOf(CellOutcome.RuntimeError.class, outcome, wrong).exceptionClass());
        }
    }

    private Timeit.Timing timing(String cell) {
        return assertInstanceOf(Timeit.Timing.class, notebook.value(cell));
    }

    private Object value(String cell) {
        return notebook.value(cell);
    }

    private void run(String cell) {
        notebook.succeed(cell);
    }

    private String printed() {
        return notebook.printed();
    }
}

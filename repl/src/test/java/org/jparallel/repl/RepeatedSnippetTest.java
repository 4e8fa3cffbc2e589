package org.jparallel.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jparallel.repl.CellOutcome.Interrupted;
import org.jparallel.repl.CellOutcome.RuntimeError;
import org.jparallel.repl.CellOutcome.Success;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The same text evaluated again runs its compiled wrapper again, and means what it meant. */
class RepeatedSnippetTest {

    private final JavaSession session = JavaSession.open(SessionOptions.defaults());

    @AfterEach
    void close() {
        session.close();
    }

    private Value valueOf(String cell) {
        CellOutcome outcome = session.eval(cell);
        return assertInstanceOf(Success.class, outcome, outcome::toString).value().orElseThrow();
    }

    @Test
    void repeatedStatementRunsEachTime() {
        session.eval("int count = 0;");
        for (int i = 0; i < 3; i++) {
            session.eval("count += 10;");
        }
        assertEquals(30, valueOf("count").object());
    }

    @Test
    void repeatedExpressionReusesItsVariableWithAFreshValue() {
        session.eval("int n = 1;");
        Value first = valueOf("n * 2");
        session.eval("n = 5;");
        Value second = valueOf("n * 2");
        assertEquals(2, first.object());
        assertEquals(10, second.object());
        assertEquals(first.variable(), second.variable(), "the same compiled expression writes the same variable");
    }

    @Test
    void redeclaredMethodIsCalledByTheRepeatedText() {
        session.eval("int f() { return 1; }");
        assertEquals(1, valueOf("f()").object());
        session.eval("String f() { return \"two\"; }");
        assertEquals("two", valueOf("f()").object());
    }

    @Test
    void definedVariableReplacesTheOneTheRepeatedTextSawBefore() {
        session.define("v", "int", 3);
        assertEquals(4, valueOf("v + 1").object());
        session.define("v", "String", "x");
        assertEquals("x1", valueOf("v + 1").object());
    }

    @Test
    void variableDefinedAgainWithTheSameTypeKeepsTheRepeatedTextCompiled() {
        session.define("v", "double[]", new double[] {1});
        Value first = valueOf("v[0] * 2");
        session.define("v", "double[]", new double[] {5});
        Value second = valueOf("v[0] * 2");
        assertEquals(10.0, second.object());
        assertEquals(first.variable(), second.variable(), "the same compiled expression writes the same variable");
    }

    @Test
    void importMakesTheRepeatedTextCompileAgain() {
        Value first = valueOf("40 + 2");
        session.eval("import java.util.concurrent.*;");
        Value second = valueOf("40 + 2");
        assertNotEquals(first.variable(), second.variable(), "an import may change what a name means");
    }

    @Test
    void repeatedCellOfSeveralSnippetsRunsEachOfThem() {
        session.eval("java.util.List<Integer> seen = new java.util.ArrayList<>();");
        for (int i = 0; i < 3; i++) {
            session.eval("seen.add(seen.size());\nint last = seen.get(seen.size() - 1);");
        }
        assertEquals(2, valueOf("last").object());
        assertEquals("[0, 1, 2]", valueOf("seen").object().toString());
    }

    @Test
    void repeatedFailureReportsTheSameTraceback() {
        session.eval("int inverse(int v) {\n  return 1 / v;\n}", "In [1]");
        RuntimeError first = assertInstanceOf(RuntimeError.class, session.eval("int z = 0;\ninverse(z);", "In [2]"));
        RuntimeError again = assertInstanceOf(RuntimeError.class, session.eval("int z = 0;\ninverse(z);", "In [2]"));
        assertEquals(first, again);
        assertEquals("    at inverse(In [1] line 2)", again.traceback().get(1));
    }

    @Test
    void repeatedFailureInARedeclaredMethodNamesTheCellThatRedeclaredIt() {
        session.eval("int inverse(int v) {\n  return v;\n}", "In [1]");
        session.eval("int inverse(int v) {\n  return 1 / v;\n}", "In [2]");
        session.eval("inverse(0);", "In [3]");
        RuntimeError again = assertInstanceOf(RuntimeError.class, session.eval("inverse(0);", "In [4]"));
        assertEquals("    at inverse(In [2] line 2)", again.traceback().get(1));
    }

    @Test
    void repeatedFailureNamesTheCellItRanIn() {
        session.eval("Object none = null;");
        session.eval("none.hashCode();", "In [1]");
        RuntimeError error = assertInstanceOf(RuntimeError.class, session.eval("none.hashCode();", "In [7]"));
        assertEquals("java.lang.NullPointerException", error.exceptionClass());
        assertEquals("    at In [7] line 1", error.traceback().get(error.traceback().size() - 1));
    }

    @Test
    void repeatedLoopCanBeStopped() {
        session.eval("int spins = 0;");
        String loop = "while (true) { spins++; }";
        assertInstanceOf(Interrupted.class, stopped(loop));
        assertInstanceOf(Interrupted.class, stopped(loop));
        assertEquals(1, valueOf("spins > 0 ? 1 : 0").object());
    }

    @Test
    void olderDisplayedValueSurvivesTheRepeatedExpressionThatMadeIt() {
        session.eval("StringBuilder log = new StringBuilder(\"a\");");
        session.remember(valueOf("log.toString()"));
        session.eval("log.append(\"b\");");
        session.remember(valueOf("log.toString()"));
        assertEquals("ab", valueOf("_").object());
        assertEquals("a", valueOf("__").object());
    }

    private CellOutcome stopped(String cell) {
        return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            CompletableFuture<CellOutcome> running = CompletableFuture.supplyAsync(() -> session.eval(cell));
            Thread.sleep(300);
            session.stop();
            return running.get(5, TimeUnit.SECONDS);
        });
    }
}

package org.jparallel.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.jparallel.repl.CellOutcome.CompileError;
import org.jparallel.repl.CellOutcome.Success;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A long session keeps the newest expression cells' temporary variables, so compiles do not slow down. */
class TemporaryVariablesTest {
    private final JavaSession session = JavaSession.open(SessionOptions.defaults());

    @AfterEach
    void close() {
        session.close();
    }

    private Object valueOf(String cell) {
        CellOutcome outcome = session.eval(cell);
        return assertInstanceOf(Success.class, outcome, outcome::toString).value().orElseThrow().object();
    }

    private void expressions(int from, int count) {
        for (int i = from; i < from + count; i++) {
            valueOf(i + " * 2");
        }
    }

    @Test
    void theNewestHundredExpressionValuesStayAsTemporariesAndOlderOnesGo() {
        expressions(0, TemporaryVariables.KEPT + 30);

        String vars = session.jshellCommand("/vars").orElseThrow();
        assertEquals(TemporaryVariables.KEPT, vars.lines().filter(line -> line.contains(" $")).count(), vars);
        assertEquals((TemporaryVariables.KEPT + 29) * 2, valueOf("$" + (TemporaryVariables.KEPT + 30)));
        assertInstanceOf(CompileError.class, session.eval("$1"));
    }

    @Test
    void anExpressionWhoseTemporaryWentCompilesAgain() {
        assertEquals(42, valueOf("7 * 6"));
        expressions(0, TemporaryVariables.KEPT + 1);

        assertEquals(42, valueOf("7 * 6"));
    }

    @Test
    void theLastDisplayedValueStaysWhateverCameSince() {
        session.eval("41 + 1");
        session.remember(((Success) session.eval("41 + 1")).value().orElseThrow());
        expressions(0, TemporaryVariables.KEPT + 5);

        assertEquals(42, valueOf("_"));
    }
}

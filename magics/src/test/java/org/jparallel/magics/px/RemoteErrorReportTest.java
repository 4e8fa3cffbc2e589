package org.jparallel.magics.px;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import java.util.Set;
import org.jparallel.client.RemoteError;
import org.jparallel.repl.CellOutcome;
import org.junit.jupiter.api.Test;

class RemoteErrorReportTest {

    private static RemoteError cannotFind(int engine, String symbol) {
        return new RemoteError(engine, "execute", "CompileError", "cannot find symbol\n  symbol:   " + symbol,
                List.of("CompileError: cannot find symbol", "In [2] line 1, column 1: cannot find symbol"));
    }

    private static List<String> traceback(RuntimeException failure, Set<String> notebook) {
        CellOutcome outcome = RemoteErrorReport.of(failure, notebook::contains);
        return assertInstanceOf(CellOutcome.RuntimeError.class, outcome).traceback();
    }

    @Test
    void aVariableOfTheNotebookMissingOnTheEnginesGetsAHintToPushIt() {
        List<String> lines = traceback(cannotFind(0, "variable offset"), Set.of("offset"));
        assertEquals("hint: the variable offset is declared in this notebook, not on the engines: send its value with"
                + " push (v.pushSync(Map.of(\"offset\", offset))) or declare it there (%%px --local runs a cell here"
                + " and on the engines)", lines.get(lines.size() - 1));
    }

    @Test
    void aMethodOfTheNotebookMissingOnTheEnginesGetsAHintToDeclareItThere() {
        List<String> lines = traceback(cannotFind(1, "method scale()"), Set.of("scale"));
        assertEquals("hint: method scale is declared in this notebook, not on the engines: declare it there too"
                + " (%%px --local runs a cell here and on the engines)", lines.get(lines.size() - 1));
    }

    @Test
    void aPushedMethodUsingAVariableOfTheNotebookGetsAHintToPushIt() {
        RemoteError unresolved = new RemoteError(0, "execute", "jdk.jshell.UnresolvedReferenceException",
                "method sc(double) cannot be invoked until variable scale is declared",
                List.of("jdk.jshell.UnresolvedReferenceException: …", "\tat sc(the pushed sc line 1)"));
        List<String> lines = traceback(unresolved, Set.of("scale"));
        assertEquals("hint: the variable scale is declared in this notebook, not on the engines: send its value with"
                + " push (v.pushSync(Map.of(\"scale\", scale))) or declare it there (%%px --local runs a cell here"
                + " and on the engines)", lines.get(lines.size() - 1));
    }

    @Test
    void theNotebooksClientIsNotToBePushed() {
        CellOutcome outcome = RemoteErrorReport.of(cannotFind(0, "variable rc"), Set.of("rc")::contains,
                Set.of("rc")::contains);
        List<String> lines = assertInstanceOf(CellOutcome.RuntimeError.class, outcome).traceback();
        assertEquals("hint: rc is this notebook's handle on the cluster, which the engines do not have (nor need):"
                + " run the code that uses it in the notebook, not with %px or under %autopx", lines.get(lines.size() - 1));
    }

    @Test
    void anErrorWithoutAMessageEndsAtItsClass() {
        RemoteError overflow = new RemoteError(0, "execute", "java.lang.StackOverflowError", "",
                List.of("java.lang.StackOverflowError", "\tat 1R.f(In [8] line 2)"));
        assertEquals("[0:execute] java.lang.StackOverflowError", traceback(overflow, Set.of()).get(0));
    }

    @Test
    void aNameTheNotebookLacksTooGetsNoHint() {
        List<String> lines = traceback(cannotFind(0, "variable typo"), Set.of("offset"));
        assertFalse(lines.get(lines.size() - 1).startsWith("hint:"), String.join("\n", lines));
    }

    private static RemoteError incompatible(int engine, int cellNumber) {
        return new RemoteError(engine, "execute", "CompileError", "incompatible types",
                List.of("CompileError: incompatible types", "In [" + cellNumber + "] line 1, column 9: incompatible types"));
    }

    @Test
    void engineCellNumbersThatDifferAreLeftOutOfTheSharedCompileError() {
        List<String> lines = traceback(new org.jparallel.client.CompositeError("execute", List.of(incompatible(0, 3), incompatible(1, 1))), Set.of());
        assertEquals(List.of("[0,1:execute] CompileError: incompatible types", "line 1, column 9: incompatible types"),
                lines);
    }

    @Test
    void sameCellNumbersStayInTheSharedCompileError() {
        List<String> lines = traceback(new org.jparallel.client.CompositeError("execute", List.of(incompatible(0, 2), incompatible(1, 2))), Set.of());
        assertEquals("In [2] line 1, column 9: incompatible types", lines.get(1));
    }
}

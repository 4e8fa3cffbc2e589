package org.jparallel.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JShellCommandsTest {
    private final JavaSession session = JavaSession.open(SessionOptions.defaults()
            .withStartup(List.of("import java.util.*;")));

    @BeforeAll
    void declare() {
        session.eval("int x = 5; String name = \"Ada\"; import java.time.*;");
        session.eval("int twice(int n) { return 2 * n; } double scale(double v, int k) { return v * k; }");
        session.eval("record Point(int x, int y) {} interface Shape {} enum Color { RED }");
        session.eval("int x = 6;"); // a redeclaration replaces the first
    }

    @AfterAll
    void close() {
        session.close();
    }

    @Test
    void varsListsTheCellsVariablesWithTheirValues() {
        assertEquals(Optional.of("|    String name = \"Ada\"\n|    int x = 6\n"), session.jshellCommand("/vars"));
    }

    @Test
    void anObjectOfACellClassShowsTheClassAsTheCellNamedIt() {
        try (JavaSession own = JavaSession.open(SessionOptions.defaults())) {
            own.eval("class Walker { }");
            own.eval("var w = new Walker();");
            String vars = own.jshellCommand("/vars").orElseThrow();
            assertTrue(vars.matches("\\|    Walker w = Walker@[0-9a-f]+\n"), vars);
        }
    }

    @Test
    void aVariableWhoseClassChangedUnderItIsListedNotActive() {
        try (JavaSession own = JavaSession.open(SessionOptions.defaults())) {
            own.eval("class Walker { double x; }");
            own.eval("var w = new Walker();");
            own.eval("int kept = 1;");
            own.eval("class Walker { double x; int steps; }");
            assertEquals(Optional.of("|    Walker w = (not-active)\n|    int kept = 1\n"), own.jshellCommand("/vars"));
        }
    }

    @Test
    void methodsListsSignaturesAsJshellDoes() {
        assertEquals(Optional.of("|    int twice(int)\n|    double scale(double, int)\n"),
                session.jshellCommand("/methods"));
    }

    @Test
    void typesNameTheirKind() {
        assertEquals(Optional.of("|    record Point\n|    interface Shape\n|    enum Color\n"),
                session.jshellCommand("/types"));
    }

    @Test
    void importsAreTheCellsNotTheStartups() {
        assertEquals(Optional.of("|    import java.time.*\n"), session.jshellCommand(" /imports \n"));
    }

    @Test
    void expressionCellsAreListedAsTheirTemporaryVariablesAsJshellDoes() {
        try (JavaSession own = JavaSession.open(SessionOptions.defaults())) {
            own.eval("int base = 2;");
            own.eval("base * 21");
            own.eval("new Object() { public String toString() { return null; } }");

            String vars = own.jshellCommand("/vars").orElseThrow();
            assertTrue(vars.contains("|    int base = 2\n|    int $1 = 42\n"), vars);
            assertTrue(vars.endsWith(" $2 = null\n"), vars);
            String list = own.jshellCommand("/list").orElseThrow();
            assertTrue(list.contains(" : base * 21\n"), list);
        }
    }

    @Test
    void otherTextIsNoCommand() {
        assertEquals(Optional.empty(), session.jshellCommand("/vars x"));
        assertEquals(Optional.empty(), session.jshellCommand("x / 2"));
    }
}

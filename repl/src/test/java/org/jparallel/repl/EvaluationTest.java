package org.jparallel.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.jparallel.repl.CellOutcome.Success;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluationTest {

    private final JavaSession session = JavaSession.open(SessionOptions.defaults());

    @AfterAll
    void close() {
        session.close();
    }

    private Optional<Value> valueOf(String cell) {
        CellOutcome outcome = session.eval(cell);
        return assertInstanceOf(Success.class, outcome, () -> outcome.toString()).value();
    }

    @Test
    void theSessionKnowsTheNamesItsCellsDeclare() {
        session.eval("int counted = 1;\nvoid tick() { }\nrecord Tock(int n) { }");
        assertTrue(session.declares("counted") && session.declares("tick") && session.declares("Tock"));
        assertFalse(session.declares("undeclared"));
    }

    @Test
    void expressionValueIsTheRealObject() {
        Value value = valueOf("java.util.List.of(1, 2, 3)").orElseThrow();
        assertEquals(List.of(1, 2, 3), value.object());
        assertTrue(value.typeName().endsWith("List<Integer>"), value.typeName());
        assertTrue(value.variable().startsWith("$"), value.variable());
    }

    @Test
    void cellWithSeveralSnippetsGivesTheLastValue() {
        Value value = valueOf("""
                int a = 20;
                int twice(int v) { return 2 * v; }
                a = twice(a) + 2;
                a / 2
                """).orElseThrow();
        assertEquals(21, value.object());
    }

    @Test
    void bareVariableAndAssignmentHaveTheVariablesValue() {
        valueOf("String word = \"one\";");
        assertEquals(new Value("one", "String", "word"), valueOf("word").orElseThrow());
        assertEquals(new Value("two", "String", "word"), valueOf("word = \"two\"").orElseThrow());
    }

    @Test
    void declarationsStatementsAndVoidCallsHaveNoValue() {
        assertEquals(Optional.empty(), valueOf("int declared = 3;"));
        assertEquals(Optional.empty(), valueOf("for (int i = 0; i < 2; i++) { declared += i; }"));
        assertEquals(Optional.empty(), valueOf("System.out.print(\"\")"));
    }

    @Test
    void redefinedMethodIsUsedByMethodsDeclaredBefore() {
        valueOf("int base() { return 1; } int plusOne() { return base() + 1; }");
        valueOf("int base() { return 10; }");
        assertEquals(11, valueOf("plusOne()").orElseThrow().object());
    }

    @Test
    void recordsEnumsAndInterfacesDeclaredInACellWork() {
        Value value = valueOf("""
                interface Shape { double area(); }
                record Square(double side) implements Shape { public double area() { return side * side; } }
                enum Size { SMALL, LARGE }
                Size sizeOf(Shape s) { return s.area() > 10 ? Size.LARGE : Size.SMALL; }
                sizeOf(new Square(4)) + " " + new Square(2)
                """).orElseThrow();
        assertEquals("LARGE Square[side=2.0]", value.object());
    }

    @Test
    void snippetsAfterAFailingOneDoNotRun() {
        CellOutcome outcome = session.eval("int ran = 0; ran = 1 / ran; ran = 5;");
        assertInstanceOf(CellOutcome.RuntimeError.class, outcome);
        assertEquals(Optional.of(0), session.variable("ran"));
    }

    @Test
    void variableGivesTheCurrentObject() {
        valueOf("StringBuilder text = new StringBuilder(\"ab\"); text.append('c');");
        StringBuilder text = (StringBuilder) session.variable("text").orElseThrow();
        assertEquals("abc", text.toString());
        assertEquals(Optional.empty(), session.variable("noSuchVariable"));
    }

    @Test
    void userCodeFindsCellClassesThroughTheContextClassLoader() {
        Object found = valueOf("""
                class Found { }
                Class.forName(Found.class.getName(), false, Thread.currentThread().getContextClassLoader()) == Found.class
                """).orElseThrow().object();
        assertEquals(true, found);
    }

    @Test
    void cellsRunAfterWarmUp() {
        try (JavaSession fresh = JavaSession.open(SessionOptions.defaults())) {
            fresh.warmUp();
            CellOutcome outcome = fresh.eval("1 + 1");
            assertEquals(2, assertInstanceOf(Success.class, outcome).value().orElseThrow().object());
        }
    }

    @Test
    void startupSnippetsAreInScope() {
        try (JavaSession withImports = JavaSession.open(SessionOptions.defaults()
                .withStartup(List.of("import java.util.concurrent.*; import java.time.*;")))) {
            CellOutcome outcome = withImports.eval("new ConcurrentHashMap<String, Duration>().size()");
            assertEquals(0, assertInstanceOf(Success.class, outcome).value().orElseThrow().object());
        }
    }
}

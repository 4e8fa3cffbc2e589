package org.jparallel.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jparallel.repl.CellOutcome.CompileError;
import org.jparallel.repl.CellOutcome.RuntimeError;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorReportTest {

    private final JavaSession session = JavaSession.open(SessionOptions.defaults());

    @AfterAll
    void close() {
        session.close();
    }

    @Test
    void compileErrorTellsLineColumnAndCaretWithinTheCell() {
        CellOutcome outcome = session.eval("""
                int first = 1;

                int second = first +
                    missing * 2;
                """);
        CompileError error = assertInstanceOf(CompileError.class, outcome);
        assertTrue(error.message().startsWith("cannot find symbol"), error.message());
        assertEquals("""
                cell line 4, column 5: cannot find symbol
                  symbol:   variable missing
                    missing * 2;
                    ^""", error.traceback().get(0));
    }

    @Test
    void aLiteralTooLongForAClassFileIsACompileErrorThatLeavesTheSessionWhole() {
        CompileError error = assertInstanceOf(CompileError.class,
                session.eval("String huge = \"" + "a".repeat(66_000) + "\";", "In [8]"));
        assertTrue(error.message().startsWith("constant string too long"), error.message());
        assertTrue(error.traceback().get(0).startsWith("In [8] line 1, column 15: "), error.traceback().get(0));
        assertEquals(2, ((CellOutcome.Success) session.eval("1 + 1")).value().orElseThrow().object());
    }

    @Test
    void compileErrorNamesTheCellGivenToEval() {
        CompileError error = assertInstanceOf(CompileError.class, session.eval("int z = \"text\";", "In [7]"));
        assertTrue(error.traceback().get(0).startsWith("In [7] line 1, column 9: incompatible types"),
                error.traceback().get(0));
    }

    /** What a cell that must succeed printed to System.err: its notes. */
    private String notesOf(String cell) {
        java.io.PrintStream original = System.err;
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            assertInstanceOf(CellOutcome.Success.class, session.eval(cell));
        } finally {
            System.setErr(original);
        }
        return err.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void methodReferringToAnUndeclaredMethodIsDeclaredWithANote() {
        assertEquals("note: method greet() cannot be invoked until method helper() is declared\n",
                notesOf("int x = 1;\nvoid greet() { helper(); }"));
    }

    @Test
    void variableResetByARedefinitionOfItsTypeGetsANote() {
        session.eval("enum Suit { HEARTS, SPADES }");
        session.eval("Suit trump = Suit.SPADES;");
        assertEquals("note: trump was reset to null: Suit changed, so its declaration was compiled again\n",
                notesOf("enum Suit { HEARTS, SPADES, CLUBS }"));
    }

    @Test
    void aVariableDeclaredAgainGetsNoNote() {
        session.eval("String s1 = \"a\";");
        session.eval("var xs = java.util.List.of(1);");
        assertEquals("", notesOf("String s1 = \"b\";"));
        assertEquals("", notesOf("var xs = java.util.List.of(2);"));
    }

    @Test
    void aVarVariableARedefinitionLeavesUnusableGetsANote() {
        session.eval("record Vec(double x, double y) { }");
        session.eval("var v1 = new Vec(3, 4);");
        assertEquals("note: v1 can no longer be used: Vec changed, and its declaration no longer compiles: constructor"
                + " Vec in record Vec cannot be applied to given types; declare it again\n",
                notesOf("record Vec(double x, double y, double z) { }"));
    }

    @Test
    void aCallIntoTheClusterClientShowsTheCallNotTheClientsInsides() {
        CellOutcome.RuntimeError error = (CellOutcome.RuntimeError) session.eval("""
                var e = new IllegalArgumentException("args[0]: java.lang.Thread is not serializable");
                e.setStackTrace(new StackTraceElement[] {
                        new StackTraceElement("org.jparallel.client.values.ValueEncoder", "encode", "ValueEncoder.java", 9),
                        new StackTraceElement("org.jparallel.client.DirectView", "pushSync", "DirectView.java", 297),
                        new StackTraceElement("Notebook", "run", "Notebook.java", 3)});
                throw e;""");

        assertEquals(List.of("java.lang.IllegalArgumentException: args[0]: java.lang.Thread is not serializable",
                "    at org.jparallel.client.DirectView.pushSync(DirectView.java:297)",
                "    at Notebook.run(Notebook.java:3)"), error.traceback());
    }

    @Test
    void aCauseWritesTheFramesItSharesWithWhatItCausedAsACount() {
        CellOutcome.RuntimeError error = (CellOutcome.RuntimeError) session.eval("""
                void fail() { throw new RuntimeException("outer", new IllegalStateException("inner")); }
                fail();""");

        List<String> traceback = error.traceback();
        int cause = traceback.indexOf("Caused by: java.lang.IllegalStateException: inner");
        assertEquals(List.of("    ... 2 more"), traceback.subList(cause + 1, traceback.size()), String.join("\n", traceback));
    }

    @Test
    void aRecordsCompactConstructorWithoutPublicGetsAHint() {
        CompileError error = assertInstanceOf(CompileError.class,
                session.eval("record Pos(int v) { Pos { if (v < 0) throw new IllegalArgumentException(); } }"));

        assertTrue(error.traceback().contains("hint: a cell's record is public (as in the jshell tool), so its canonical"
                + " constructor must be too: write public Pos(…) { … } or public Pos { … }"), String.join("\n", error.traceback()));
    }

    @Test
    void aMapReadAsAnArrayGetsAHintToUseGet() {
        session.eval("java.util.Map<Integer, Object> history = new java.util.HashMap<>();");
        CompileError error = assertInstanceOf(CompileError.class, session.eval("history[3]"));

        assertTrue(error.traceback().stream().anyMatch(line -> line.startsWith("hint: a Map is read with get(key)")),
                String.join("\n", error.traceback()));
    }

    @Test
    void ijavasKernelInstanceGetsAHintToTheRenderer() {
        CompileError error = assertInstanceOf(CompileError.class, session.eval("getKernelInstance()"));

        assertTrue(error.traceback().stream().anyMatch(line -> line.startsWith(
                "hint: IJava's getKernelInstance().getRenderer() is renderer() here")), String.join("\n", error.traceback()));
    }

    @Test
    void aFrameOfAnAnonymousClassIsNamedAsOne() {
        RuntimeError error = assertInstanceOf(RuntimeError.class, session.eval(
                "new Object() { public String toString() { throw new IllegalStateException(\"bad\"); } }.toString()"));

        assertTrue(error.traceback().stream().anyMatch(line -> line.startsWith("    at anonymous.toString(")),
                String.join("\n", error.traceback()));
    }

    @Test
    void methodDeclaredBeforeWhatItCallsWorksOnceThatIsDeclared() {
        session.eval("int first() { return second() + 1; }");
        session.eval("int second() { return 41; }");
        assertEquals(42, ((CellOutcome.Success) session.eval("first()")).value().orElseThrow().object());
    }

    @Test
    void forwardReferencesWithinACellAreFine() {
        assertInstanceOf(CellOutcome.Success.class,
                session.eval("class Node { Leaf leaf; } class Leaf { } void a() { b(); } void b() { }"));
    }

    @Test
    void runtimeErrorHasClassMessageAndCellLinesWithoutJShellFrames() {
        CellOutcome outcome = session.eval("""
                int square(int v) {
                    if (v > 3) throw new IllegalStateException("too big: " + v);
                    return v * v;
                }
                square(2);
                square(4);
                """);
        RuntimeError error = assertInstanceOf(RuntimeError.class, outcome);
        assertEquals("java.lang.IllegalStateException", error.exceptionClass());
        assertEquals("too big: 4", error.message());
        assertEquals(List.of(
                "java.lang.IllegalStateException: too big: 4",
                "    at square(cell line 2)",
                "    at cell line 6"), error.traceback());
    }

    @Test
    void runtimeErrorShowsCausesAndLibraryFrames() {
        RuntimeError error = assertInstanceOf(RuntimeError.class, session.eval("""
                try { Integer.parseInt("x1"); }
                catch (NumberFormatException e) { throw new RuntimeException("wrapped", e); }
                """));
        assertTrue(error.traceback().contains("Caused by: java.lang.NumberFormatException: For input string: \"x1\""),
                String.join("\n", error.traceback()));
        assertTrue(error.traceback().stream().anyMatch(line -> line.contains("java.lang.Integer.parseInt")));
        assertFalse(error.traceback().stream().anyMatch(line -> line.contains("jshell") || line.contains("do_it$")),
                String.join("\n", error.traceback()));
    }

    @Test
    void deepRecursionIsWrittenOnceWithHowOftenItRepeated() {
        session.eval("int down(int n) { return down(n + 1) + 1; }", "In [5]");
        RuntimeError error = assertInstanceOf(RuntimeError.class, session.eval("down(0)", "In [6]"));
        assertEquals("java.lang.StackOverflowError", error.exceptionClass());
        assertTrue(error.traceback().size() < 10, String.join("\n", error.traceback()));
        assertTrue(error.traceback().stream().anyMatch(line -> line.matches(
                "    \\.\\.\\. the frame above repeated \\d+ more times")), String.join("\n", error.traceback()));
    }

    @Test
    void mutualRecursionRepeatsAreWrittenAsACycle() {
        List<String> frames = List.of("a", "b", "a", "b", "a", "b", "c");
        assertEquals(List.of("a", "b", "    ... the 2 frames above repeated 2 more times", "c"),
                RuntimeErrors.withoutRepeats(frames));
    }

    @Test
    void frameOfAMethodFromAnEarlierCellNamesThatCell() {
        session.eval("void fail() {\n  throw new UnsupportedOperationException();\n}", "In [1]");
        RuntimeError error = assertInstanceOf(RuntimeError.class, session.eval("fail();", "In [2]"));
        assertEquals(List.of("java.lang.UnsupportedOperationException", "    at fail(In [1] line 2)", "    at In [2] line 1"),
                error.traceback());
    }

    @Test
    void exceptionDeclaredInACellIsNamedAsTheCellNamesIt() {
        session.eval("class BadInput extends RuntimeException { BadInput(String m) { super(m); } }", "In [1]");
        session.eval("class Parser { int parse(String s) { throw new BadInput(\"no number: \" + s); } }", "In [2]");
        RuntimeError error = assertInstanceOf(RuntimeError.class, session.eval("new Parser().parse(\"x\");", "In [3]"));
        assertEquals("BadInput", error.exceptionClass());
        assertEquals(List.of("BadInput: no number: x", "    at Parser.parse(In [2] line 1)", "    at In [3] line 1"),
                error.traceback());
    }

    @Test
    void aCastBetweenCellClassesNamesThemAsCellsDo() {
        session.eval("class Cat { } class Dog { }");
        RuntimeError error = assertInstanceOf(RuntimeError.class, session.eval("Object pet = new Cat(); Dog d = (Dog) pet;"));
        assertTrue(error.message().startsWith("class Cat cannot be cast to class Dog"), error.message());
    }

    /** A record of the test's class path, standing for one whose class cells cannot name. */
    public record Elsewhere(int x) {
    }

    @Test
    void aRecordCellsCannotNameGetsAHintOnHowToDeclareIt() {
        session.define("far", "Record", new Elsewhere(1));
        CompileError error = assertInstanceOf(CompileError.class, session.eval("far.x()"));
        assertTrue(error.traceback().get(error.traceback().size() - 1).startsWith("hint: far holds a record of another"
                + " session's cells"), String.join("\n", error.traceback()));
    }

    @Test
    void callingAMethodWithAnUndeclaredDependencyIsReported() {
        session.eval("void outer() { inner(); }");
        RuntimeError error = assertInstanceOf(RuntimeError.class, session.eval("outer();"));
        assertEquals("method outer() cannot be invoked until method inner() is declared", error.message());
    }

    @Test
    void ambiguousCallOfAnUntypedLambdaSaysToTypeItsParameters() {
        session.eval("interface Fn<A, R> { R apply(A a); }");
        session.eval("record Box<T>(T value) { }");
        session.eval("<A, R> R call(Fn<A, R> f, A a) { return f.apply(a); }");
        session.eval("<A, R> R call(Fn<A, R> f, Box<? extends A> box) { return f.apply(box.value()); }");

        CompileError error = assertInstanceOf(CompileError.class, session.eval("call(x -> x, new Box<>(1))"));

        assertTrue(error.message().startsWith("reference to call is ambiguous"), error.message());
        String hint = error.traceback().get(error.traceback().size() - 1);
        assertTrue(hint.startsWith("hint: call has overloads that a lambda without parameter types fits alike"), hint);
        CellOutcome typed = session.eval("call((Integer x) -> x + 1, new Box<>(1))");
        assertEquals(2, assertInstanceOf(CellOutcome.Success.class, typed).value().orElseThrow().object());
    }

    @Test
    void ijavasDisplayIdGetsAHintToAskTheHandleForIt() {
        session.define("shown", "org.jparallel.display.Display", new org.jparallel.display.Display(event -> { }));
        assertInstanceOf(CellOutcome.Success.class, session.eval(org.jparallel.display.Display.prelude("shown")));

        CompileError error = assertInstanceOf(CompileError.class, session.eval("String id = display(\"text\");"));
        String hint = error.traceback().get(error.traceback().size() - 1);
        assertTrue(hint.startsWith("hint: display(…) and displayWithId(…) return a DisplayHandle here"), hint);
        assertInstanceOf(CellOutcome.Success.class, session.eval("String id = display(\"text\").id();"));
        assertInstanceOf(CellOutcome.Success.class, session.eval("var h = display(\"a\"); updateDisplay(h, \"b\");"));
    }

    @Test
    void aResultTypedObjectPassedToATypedFunctionGetsAHintToTypeIt() {
        session.eval("interface Fn<A, R> { R apply(A a); }");
        session.eval("class AsyncResult<T> { }");
        session.eval("<A, R> R applyAsync(Fn<A, R> f, AsyncResult<? extends A> a) { return null; }");
        session.eval("<A, R> R applyAsync(Fn<A, R> f, A a) { return null; }");

        CompileError error = assertInstanceOf(CompileError.class,
                session.eval("applyAsync((String s) -> s.length(), new AsyncResult<Object>())"));

        String hint = error.traceback().get(error.traceback().size() - 1);
        assertTrue(hint.startsWith("hint: an AsyncResult<Object> (what var r = rc.getResult(id) makes)"), hint);
    }

    @Test
    void ambiguousCallWithoutALambdaGetsNoHint() {
        session.eval("void pick(Integer a, Object b) { }");
        session.eval("void pick(Object a, Integer b) { }");
        CompileError error = assertInstanceOf(CompileError.class, session.eval("pick(1, 2)"));
        assertTrue(error.message().startsWith("reference to pick is ambiguous"), error.message());
        assertFalse(error.traceback().stream().anyMatch(line -> line.startsWith("hint:")), error.traceback().toString());
    }
}

package org.jparallel.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.tools.ToolProvider;
import org.jparallel.repl.CellOutcome.CompileError;
import org.jparallel.repl.CellOutcome.Success;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostObjectTest {

    private final JavaSession session = JavaSession.open(SessionOptions.defaults());

    @AfterEach
    void close() {
        session.close();
    }

    private Object valueOf(String cell) {
        CellOutcome outcome = session.eval(cell);
        return assertInstanceOf(Success.class, outcome, outcome::toString).value().orElseThrow().object();
    }

    @Test
    void definedHostObjectIsTheSameObjectInCells() {
        Map<Integer, Object> out = new HashMap<>();
        session.define("Out", "java.util.Map<Integer, Object>", out);
        session.eval("Out.put(1, \"from the cell\");");
        assertEquals(Map.of(1, "from the cell"), out);
    }

    @Test
    void definedObjectOfAHostClassKeepsItsType() {
        session.define("greeter", Greeter.class.getCanonicalName(), new Greeter());
        assertEquals("hello cell", valueOf("greeter.greet(\"cell\")"));
    }

    @Test
    void definedAgainWithTheSameTypeCellsSeeTheNewObjectAndAliasesTheOld() {
        session.define("v", "double[]", new double[] {1});
        session.eval("double[] alias = v;");
        double[] second = {2};
        session.define("v", "double[]", second);
        assertTrue(valueOf("v") == second);
        assertEquals(1.0, valueOf("alias[0]"));
    }

    @Test
    void defineRejectsAValueOfTheWrongType() {
        assertThrows(IllegalArgumentException.class, () -> session.define("n", "String", new AtomicInteger()));
    }

    @Test
    void underscoreIsTheLastRememberedValueWithItsStaticType() {
        Value shown = ((Success) session.eval("new StringBuilder(\"ab\")")).value().orElseThrow();
        session.remember(shown);
        assertEquals(2, valueOf("_.length()"));
        assertEquals("ba", valueOf("_.reverse().toString()"));
    }

    @Test
    void primitiveUnderscoreIsBoxedSoItHasMethods() {
        session.remember(((Success) session.eval("1 + 1")).value().orElseThrow());
        assertEquals("2", valueOf("_.toString()"));
        assertEquals(3, valueOf("_ + 1"));
    }

    @Test
    void olderValuesAreTwoAndThreeUnderscores() {
        for (String cell : List.of("\"first\"", "\"second\"", "\"third\"")) {
            session.remember(((Success) session.eval(cell)).value().orElseThrow());
        }
        assertEquals("third second first", valueOf("_ + \" \" + __ + \" \" + ___"));
    }

    @Test
    void twoUnderscoresBeforeTwoValuesWereDisplayedSayWhy() {
        CellOutcome.CompileError error = assertInstanceOf(CellOutcome.CompileError.class, session.eval("__"));
        assertTrue(error.traceback().get(error.traceback().size() - 1)
                .startsWith("hint: __ holds the value displayed before the last"), error.traceback().toString());
    }

    @Test
    void boundValueBecomesUnderscore() {
        session.remember(session.bind(new AtomicInteger(7), "java.util.concurrent.atomic.AtomicInteger"));
        assertEquals(8, valueOf("_.incrementAndGet()"));
    }

    @Test
    void underscoreInStringsCommentsAndLambdaParametersIsLeftAlone() {
        session.remember(session.bind(10, "Integer"));
        assertEquals("_ 11", valueOf("\"_ \" + (_ + 1) /* _ */"));
    }

    @Test
    void completionAfterUnderscoreOffersMembersOfTheValuesType() {
        session.remember(((Success) session.eval("new StringBuilder(\"ab\")")).value().orElseThrow());
        Completion completion = session.complete("_.rev", 5);
        assertEquals(List.of("reverse()"), completion.matches());
        assertEquals(2, completion.cursorStart());
    }

    @Test
    void compileErrorNextToUnderscoreIsPlacedInTheCellAsTyped() {
        session.remember(session.bind(10, "Integer"));
        CompileError error = assertInstanceOf(CompileError.class, session.eval("_ + missing"));
        assertTrue(error.traceback().get(0).startsWith("cell line 1, column 5: cannot find symbol"),
                error.traceback().get(0));
        assertTrue(error.traceback().get(0).endsWith("_ + missing\n    ^"), error.traceback().get(0));
    }

    @Test
    void underscoreBeforeAnythingWasDisplayedIsAClearError() {
        CompileError error = assertInstanceOf(CompileError.class, session.eval("int a = 1;\nint b = _ + 1;"));
        assertEquals("_ holds the last displayed value; nothing has been displayed yet", error.message());
        assertTrue(error.traceback().get(0).startsWith("cell line 2, column 9"), error.traceback().get(0));
    }

    @Test
    void classBytesHoldRecordAndLambdaOfACell() {
        session.eval("record Point(int x, int y) { }\njava.util.function.IntUnaryOperator twice = v -> 2 * v;");
        Map<String, byte[]> classes = session.classBytes();
        assertTrue(classes.keySet().stream().anyMatch(name -> name.endsWith("$Point")), classes.keySet().toString());
        String lambdaHolder = classes.keySet().stream()
                .filter(name -> !name.contains("Point") && new String(classes.get(name), StandardCharsets.ISO_8859_1).contains("lambda$"))
                .findFirst().orElseThrow();
        assertTrue(classes.get(lambdaHolder).length > 0, lambdaHolder);
    }

    @Test
    void addedFolderIsUsableByLaterCells(@TempDir Path folder) throws Exception {
        ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", folder.toString(),
                writeSource(folder, "package extra; public class Answer { public static int get() { return 42; } }"));
        session.addToClasspath(folder);
        assertEquals(42, valueOf("extra.Answer.get()"));
    }

    private static String writeSource(Path folder, String source) throws IOException {
        Path file = folder.resolve("Answer.java");
        Files.writeString(file, source);
        return file.toString();
    }
}

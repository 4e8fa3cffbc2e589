package org.jparallel.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.jparallel.display.Display;
import org.jparallel.magic.builtin.VariablesMagic;
import org.jparallel.repl.CellOutcome;
import org.jparallel.repl.JavaSession;
import org.jparallel.repl.SessionOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VariablesMagicTest {
    private JavaSession session;
    private SessionContext notebook;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream originalOut;

    @BeforeEach
    void open() {
        session = JavaSession.open(SessionOptions.defaults());
        MagicRegistry magics = new MagicRegistry().register(VariablesMagic.who(Set.of("Out")))
                .register(VariablesMagic.whos(Set.of("Out")));
        notebook = new SessionContext(session, magics, new Display(event -> { })) {
            @Override
            public void redirectCells(String cellMagicName) {
            }
        };
        originalOut = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void close() {
        System.setOut(originalOut);
        session.close();
    }

    @Test
    void whoListsTheNamesInTheOrderTheyCame() {
        run("int n = 3; String greeting = \"hi\"; double[] xs = new double[5];");
        assertEquals("n  greeting  xs\n", run("%who"));
    }

    @Test
    void whosShowsTypesAndValues() {
        run("import java.util.*;");
        run("int n = 3; double[] xs = new double[1_000_000]; var words = List.of(\"a\", \"b\");");
        assertEquals("""
                Variable   Type           Data/Info
                -----------------------------------
                n          int            3
                xs         double[]       length 1000000
                words      List<String>   size 2: [a, b]
                """, run("%whos"));
    }

    @Test
    void aRedeclaredVariableShowsOnceWithItsNewType() {
        run("int n = 3;");
        run("String n = \"three\";");
        assertEquals("n\n", run("%who"));
        assertTrue(run("%whos").contains("n          String   three"), out.toString());
    }

    @Test
    void aBigCollectionIsNotPrintedWhole() {
        run("var big = java.util.stream.IntStream.range(0, 1_000_000).boxed().toList();");
        String line = run("%whos").lines().filter(l -> l.startsWith("big")).findFirst().orElseThrow();
        assertTrue(line.contains("size 1000000: [0, 1, 2,"), line);
        assertTrue(line.length() < 100, line);
    }

    @Test
    void theSessionsOwnVariablesAndJShellsScratchOnesDoNotShow() {
        session.define("Out", "java.util.Map<Integer, Object>", new java.util.HashMap<Integer, Object>());
        run("1 + 1");
        run("int mine = 1;");
        assertEquals("mine\n", run("%who"));
    }

    @Test
    void anEmptySessionSaysSo() {
        assertEquals("No variables yet.\n", run("%whos"));
    }

    @Test
    void argumentsAreAUsageError() {
        CellOutcome outcome = notebook.runCell("%who all");
        assertEquals("UsageError", assertInstanceOf(CellOutcome.RuntimeError.class, outcome).exceptionClass());
    }

    private String run(String cell) {
        out.reset();
        CellOutcome outcome = notebook.runCell(cell);
        assertInstanceOf(CellOutcome.Success.class, outcome, outcome::toString);
        return out.toString(StandardCharsets.UTF_8);
    }
}

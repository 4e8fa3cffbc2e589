package org.jparallel.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Set;
import org.jparallel.repl.CellOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VariablesMagicTest {
    private final TestNotebook notebook = TestNotebook.with(MagicRegistry.builtins(Set.of("Out")));

    @AfterEach
    void close() {
        notebook.close();
    }

    @Test
    void whoListsTheNamesInTheOrderTheyCame() {
        notebook.succeed("int n = 3; String greeting = \"hi\"; double[] xs = new double[5];");
        assertEquals("n  greeting  xs\n", printed("%who"));
    }

    @Test
    void whosShowsTypesAndValues() {
        notebook.succeed("import java.util.*;");
        notebook.succeed("int n = 3; double[] xs = new double[1_000_000]; var words = List.of(\"a\", \"b\");");
        assertEquals("""
                Variable   Type           Data/Info
                -----------------------------------
                n          int            3
                xs         double[]       length 1000000
                words      List<String>   size 2: [a, b]
                """, printed("%whos"));
    }

    @Test
    void aRedeclaredVariableShowsOnceWithItsNewType() {
        notebook.succeed("int n = 3;");
        notebook.succeed("String n = \"three\";");
        assertEquals("n\n", printed("%who"));
        assertTrue(printed("%whos").contains("n          String   three"), notebook.printed());
    }

    @Test
    void anObjectOfACellClassShowsTheClassAsTheCellNamedIt() {
        notebook.succeed("class Walker { }\nvar w = new Walker(); var ws = java.util.List.of(w);");
        String whos = printed("%whos");
        assertTrue(whos.matches("(?s).*w +Walker +Walker@[0-9a-f]+\n.*"), whos);
        assertTrue(whos.matches("(?s).*size 1: \\[Walker@[0-9a-f]+\\].*"), whos);
    }

    @Test
    void aBigCollectionIsNotPrintedWhole() {
        notebook.succeed("var big = java.util.stream.IntStream.range(0, 1_000_000).boxed().toList();");
        String line = printed("%whos").lines().filter(l -> l.startsWith("big")).findFirst().orElseThrow();
        assertTrue(line.contains("size 1000000: [0, 1, 2,"), line);
        assertTrue(line.length() < 100, line);
    }

    @Test
    void theSessionsOwnVariablesAndJShellsScratchOnesDoNotShow() {
        notebook.session().define("Out", "java.util.Map<Integer, Object>", new HashMap<Integer, Object>());
        notebook.succeed("1 + 1");
        notebook.succeed("int mine = 1;");
        assertEquals("mine\n", printed("%who"));
    }

    @Test
    void anEmptySessionSaysSo() {
        assertEquals("No variables yet.\n", printed("%whos"));
    }

    @Test
    void typesGivenListOnlyTheVariablesOfThoseTypes() {
        notebook.succeed("int n = 3; String greeting = \"hi\"; double[] xs = new double[5]; var names = java.util.List.of(\"a\");");
        assertEquals("n  greeting\n", printed("%who int String"));
        assertEquals("names\n", printed("%who List"));
    }

    private String printed(String cell) {
        notebook.succeed(cell);
        return notebook.printed();
    }
}

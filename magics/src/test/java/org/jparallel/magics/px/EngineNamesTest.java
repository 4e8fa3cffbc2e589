package org.jparallel.magics.px;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EngineNamesTest {
    private final EngineNames names = new EngineNames();

    private static String missingVariable(String name) {
        return "cannot find symbol\n  symbol:   variable " + name;
    }

    @Test
    void aScatteredNameIsSaidToLiveOnTheEngines() {
        names.ran("var dv = rc.all();\ndv.scatter(\"part\", range(10));", "In [4]", false);
        String hint = names.hint(missingVariable("part")).orElseThrow();
        assertTrue(hint.startsWith("hint: part lives on the engines (In [4] put it there)"), hint);
        assertTrue(hint.contains("Reference.to(\"part\")") && hint.contains("v.pullSync(\"part\")"), hint);
    }

    @Test
    void aCellWithAHugeLiteralIsReadInLinearTime() {
        // Scanning backtracked over every letter from every letter: 20,000 letters took 5 s, these minutes.
        String cell = "String big = \"" + "a".repeat(400_000) + "\";\nvar v = rc.all();\nv.put(\"k3\", 3);";
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> names.ran(cell, "In [7]", false));
        assertTrue(names.hint(missingVariable("k3")).isPresent());
    }

    @Test
    void everyKeyOfAPushedMapIsOnTheEngines() {
        names.ran("dv.pushSync(Map.of(\"a\", 1, \"b\", List.of(2, 3)));", "In [2]", false);
        assertTrue(names.hint(missingVariable("a")).isPresent());
        assertTrue(names.hint(missingVariable("b")).isPresent());
    }

    @Test
    void aNamePutThroughAViewOrDeclaredByExecutedCodeIsOnTheEngines() {
        names.ran("var v = rc.all();\nv.put(\"k2\", 3);\nv.executeSync(\"int k = 3;\");", "In [6]", false);
        assertTrue(names.hint(missingVariable("k2")).orElseThrow().contains("(In [6] put it there)"));
        assertTrue(names.hint(missingVariable("k")).orElseThrow().contains("(In [6] put it there)"));
    }

    @Test
    void aMapsPutIsNotTheEngines() {
        names.ran("Map<String, Integer> counts = new HashMap<>();\ncounts.put(\"seen\", 1);", "In [7]", false);
        assertEquals(Optional.empty(), names.hint(missingVariable("seen")));
    }

    @Test
    void aVariableDeclaredByPxIsOnTheEngines() {
        names.ran("%px int k = 5;", "In [3]", false);
        names.ran("%%px -t 1\nvar total = 0L;\nString label;", "In [5]", false);
        assertTrue(names.hint(missingVariable("k")).orElseThrow().contains("(In [3] put it there)"));
        assertTrue(names.hint(missingVariable("total")).orElseThrow().contains("(In [5] put it there)"));
        assertTrue(names.hint(missingVariable("label")).isPresent());
    }

    @Test
    void aCellUnderAutopxDeclaresOnTheEngines() {
        names.ran("double mean = 2.5;", "In [7]", true);
        assertTrue(names.hint(missingVariable("mean")).isPresent());
    }

    @Test
    void aMethodDeclaredByPxIsOnTheEngines() {
        names.ran("%%px\nlong cube(long x) throws Exception {\n    long y = x * x;\n    return y * x;\n}", "In [6]", false);
        String hint = names.hint("cannot find symbol\n  symbol:   method cube(int)").orElseThrow();
        assertTrue(hint.startsWith("hint: cube is a method of the engines (In [6] declared it there)"), hint);
        assertEquals(Optional.empty(), names.hint(missingVariable("y")), "a method's locals are its own");
        assertEquals(Optional.empty(), names.hint(missingVariable("cube")), "a method is not a variable");
    }

    @Test
    void namesInsideBlocksStringsAndCommentsAreNotTheEngines() {
        names.ran("%%px\nfor (int i = 0; i < 3; i++) { int j = i; }\nString s = \"q = 1\"; // r = 2", "In [8]", false);
        assertEquals(Optional.empty(), names.hint(missingVariable("i")));
        assertEquals(Optional.empty(), names.hint(missingVariable("j")));
        assertEquals(Optional.empty(), names.hint(missingVariable("q")));
        assertEquals(Optional.empty(), names.hint(missingVariable("r")));
        assertTrue(names.hint(missingVariable("s")).isPresent());
    }

    @Test
    void notebookCodeAndOtherErrorsGetNoHint() {
        names.ran("int local = 1;\nvar m = Map.of(\"key\", 1);\nm.put(\"other\", 2);", "In [1]", false);
        assertEquals(Optional.empty(), names.hint(missingVariable("local")));
        assertEquals(Optional.empty(), names.hint(missingVariable("key")));
        assertEquals(Optional.empty(), names.hint(missingVariable("other")));
        assertEquals(Optional.empty(), names.hint("incompatible types: String cannot be converted to int"));
    }
}

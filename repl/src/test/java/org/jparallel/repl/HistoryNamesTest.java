package org.jparallel.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HistoryNamesTest {

    private static final DisplayHistory THREE_SHOWN = DisplayHistory.empty()
            .after(new Value("a", "String", "$1")).after(new Value("b", "String", "$2"))
            .after(new Value("c", "String", "$3"));

    private static String rewritten(String cell) {
        return HistoryNames.rewrite(cell, THREE_SHOWN).text();
    }

    @Test
    void valuesAreReplacedByTheirVariables() {
        assertEquals("$3.toString() + $2 + $1", rewritten("_.toString() + __ + ___"));
    }

    @Test
    void primitiveValuesAreBoxed() {
        DisplayHistory shown = DisplayHistory.empty().after(new Value(2, "int", "$1"));
        assertEquals("java.lang.Integer.valueOf($1).toString()", HistoryNames.rewrite("_.toString()", shown).text());
    }

    @Test
    void literalsCommentsAndLongerNamesAreLeftAlone() {
        String cell = "String s = \"_\" + '_' + \"\"\"\n _ \"\"\"; // _\n/* __ */ int _a = a_;";
        assertEquals(cell, rewritten(cell));
    }

    @Test
    void unnamedVariablesAreLeftAlone() {
        String cell = "try { f(); } catch (Exception _) { } list.forEach(_ -> { }); map.forEach((_, v) -> g(v));"
                + " if (o instanceof Point(_, int y)) { } for (var _ : xs) { } List<String> _ = l;";
        assertEquals(cell, rewritten(cell));
    }

    @Test
    void valuesInCallsComparisonsAndCastsAreReplaced() {
        assertEquals("f($3, x > $3, (String) $3, arr[$3]);", rewritten("f(_, x > _, (String) _, arr[_]);"));
        assertEquals("return $3;", rewritten("return _;"));
    }

    @Test
    void positionsMapBackToTheCellAsTyped() {
        RewrittenCell cell = HistoryNames.rewrite("_ + missing", DisplayHistory.empty().after(new Value("a", "String", "$100")));
        assertEquals("$100 + missing", cell.text());
        assertEquals(4, cell.originalPosition(7));
        assertEquals(7, cell.rewrittenPosition(4));
    }
}

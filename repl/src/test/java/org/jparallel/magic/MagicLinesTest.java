package org.jparallel.magic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MagicLinesTest {
    private static boolean[] code(String cell) {
        return MagicLines.startInCode(cell.split("\n", -1));
    }

    @Test
    void linesInsideABlockCommentAreNotCode() {
        assertArrayEquals(new boolean[] {true, false, false, true}, code("int a; /* a\n%sh rm x\nb */\n%time a"));
    }

    @Test
    void linesInsideATextBlockAreNotCode() {
        assertArrayEquals(new boolean[] {true, false, false, true}, code("var s = \"\"\"\n%s\n\\\"\"\" \"\"\";\n%who"));
    }

    @Test
    void quotesAndCommentMarkersInStringsAndLineCommentsChangeNothing() {
        assertArrayEquals(new boolean[] {true, true, true}, code("var s = \"/*\"; // \"\"\" /*\nchar c = '\"';\n%who"));
    }

    @Test
    void aMagicLineDoesNotOpenAComment() {
        assertArrayEquals(new boolean[] {true, true}, code("%sh echo /*\nint x;"));
    }

    @Test
    void aMagicNameFollowsThePercentSign() {
        assertTrue(MagicLines.isMagic("%time x"));
        assertTrue(MagicLines.isMagic("%%time"));
        assertFalse(MagicLines.isMagic("% 3;"));
        assertFalse(MagicLines.isMagic("%3;"));
        assertFalse(MagicLines.isMagic(" %time x"));
    }
}

package org.jparallel.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LongLiteralsTest {
    private static String literal(String content) {
        return "\"" + content + "\"";
    }

    @Test
    void aLiteralOverTheClassFileLimitIsFoundWhereItStarts() {
        assertEquals(13, LongLiterals.find("String big = " + literal("a".repeat(65_536)) + ";"));
    }

    @Test
    void aLiteralAtTheLimitIsFine() {
        assertEquals(-1, LongLiterals.find("String big = " + literal("a".repeat(65_535)) + ";"));
    }

    @Test
    void bytesAreCountedAsUtf8() {
        assertEquals(0, LongLiterals.find(literal("é".repeat(32_768))));
        assertEquals(-1, LongLiterals.find(literal("é".repeat(32_767))));
    }

    @Test
    void escapesCountAsTheCharactersTheyStandFor() {
        assertEquals(-1, LongLiterals.find(literal("\\n".repeat(40_000))));
        assertEquals(-1, LongLiterals.find(literal("\\u0041".repeat(20_000))));
    }

    @Test
    void aTextBlockCountsToo() {
        assertEquals(4, LongLiterals.find("s = \"\"\"\n" + "a".repeat(70_000) + "\n\"\"\";"));
    }

    @Test
    void aLongCommentIsNoLiteral() {
        assertEquals(-1, LongLiterals.find("/* \" " + "a".repeat(70_000) + " */ int x = 1; // \"" + "b".repeat(70_000)));
    }
}

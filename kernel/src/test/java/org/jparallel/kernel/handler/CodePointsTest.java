package org.jparallel.kernel.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CodePointsTest {
    private static final String AFTER_EMOJI = "\"😀\".len";

    @Test
    void cursorAfterAnEmojiCountsItOnceForJupyter() {
        assertEquals(AFTER_EMOJI.length(), CodePoints.toIndex(AFTER_EMOJI, AFTER_EMOJI.length() - 1));
        assertEquals(AFTER_EMOJI.length() - 1, CodePoints.fromIndex(AFTER_EMOJI, AFTER_EMOJI.length()));
    }

    @Test
    void cursorPastTheEndIsClamped() {
        assertEquals(3, CodePoints.toIndex("abc", 99));
    }
}

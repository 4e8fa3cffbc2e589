package org.jparallel.controller.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RecordedTextTest {
    @Test
    void shortOutputIsRecordedWhole() {
        TaskLog.RecordedText text = new TaskLog.RecordedText();
        text.append("a\n");
        text.append("b\n");
        assertEquals("a\nb\n", text.toString());
    }

    @Test
    void outputPastTheLimitIsCutWithANote() {
        TaskLog.RecordedText text = new TaskLog.RecordedText();
        String chunk = "x".repeat(TaskLog.RecordedText.KEPT_CHARS / 2 + 1);
        text.append(chunk);
        text.append(chunk);
        text.append(chunk);
        assertTrue(text.full());
        assertTrue(text.toString().endsWith("\n[more output, not recorded]\n"));
        assertEquals(TaskLog.RecordedText.KEPT_CHARS + "\n[more output, not recorded]\n".length(),
                text.toString().length());
    }
}

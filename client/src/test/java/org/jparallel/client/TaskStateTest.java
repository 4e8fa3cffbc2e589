package org.jparallel.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskStateTest {
    private final TaskState task = new TaskState("m", 0, Instant.now());

    private static EngineOutput printed(String text) {
        return new EngineOutput(0, EngineOutput.Kind.STDOUT, text, Map.of(), 0);
    }

    @Test
    void aResultKeepsWhatATaskPrinted() {
        task.keep(printed("a\n"));
        task.keep(new EngineOutput(0, EngineOutput.Kind.DISPLAY, "d", Map.of("text/plain", "d"), 0));
        assertEquals(2, task.outputs.size());
    }

    @Test
    void aResultKeepsTheFirstSixteenMegabytesOfPrintedTextAndSaysSo() {
        String megabyte = "x".repeat(1 << 20);
        for (int i = 0; i < 40; i++) {
            task.keep(printed(megabyte));
        }
        task.keep(new EngineOutput(0, EngineOutput.Kind.DISPLAY, "d", Map.of("text/plain", "d"), 0));
        long kept = task.outputs.stream().filter(o -> o.text().equals(megabyte)).count();
        assertEquals(16, kept);
        assertTrue(task.outputs.get(16).text().contains("keeps the first 16 MB"), task.outputs.get(16).text());
        assertEquals(18, task.outputs.size(), "the note once, and outputs that are not text still kept");
    }
}

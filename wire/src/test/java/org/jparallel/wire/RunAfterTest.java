package org.jparallel.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunAfterTest {

    @Test
    void aNoteReadsBackAsItWasWritten() throws MalformedMessageException {
        RunAfter note = new RunAfter("t", List.of("x", "y"));
        assertEquals(note, RunAfter.of(JsonFrames.parse(JsonFrames.write(note.content()))));
    }

    @Test
    void aNoteWithoutTheTasksItWaitsForIsRefused() {
        JsonObject content = new JsonObject();
        content.addProperty("msg_id", "t");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunAfter.of(content));
        assertTrue(e.getMessage().startsWith("a run_after note has msg_id and after"), e.getMessage());
    }
}

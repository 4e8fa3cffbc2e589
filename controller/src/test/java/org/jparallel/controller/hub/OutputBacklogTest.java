package org.jparallel.controller.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OutputBacklogTest {
    private long backlog;
    private final OutputBacklog output = new OutputBacklog(new SilentLinks() {
        @Override
        public long clientBacklog(byte[] client) {
            return backlog;
        }
    });
    private final byte[] client = {1};

    @Test
    void outputGoesWhileTheClientKeepsUp() {
        backlog = OutputBacklog.MAX_BACKLOG_BYTES;
        assertTrue(output.admits(client, "c", 1000));
        assertEquals(0, output.takeDropped("c"));
    }

    @Test
    void outputForAClientFarBehindIsDroppedAndCounted() {
        backlog = OutputBacklog.MAX_BACKLOG_BYTES + 1;
        assertFalse(output.admits(client, "c", 1000));
        assertFalse(output.admits(client, "c", 500));
        backlog = 0;
        assertTrue(output.admits(client, "c", 10));
        assertEquals(1500, output.takeDropped("c"));
        assertEquals(0, output.takeDropped("c"));
    }
}

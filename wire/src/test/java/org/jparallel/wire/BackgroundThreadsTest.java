package org.jparallel.wire;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BackgroundThreadsTest {
    /** As JShell runs a cell: on a thread of a group of its own, whose threads it then joins. */
    private static Thread madeInsideACellsGroup(ThreadGroup cell) throws InterruptedException {
        AtomicReference<Thread> made = new AtomicReference<>();
        Thread snippet = new Thread(cell, () -> made.set(BackgroundThreads.daemon("ours", () -> { })));
        snippet.start();
        snippet.join();
        assertNotNull(made.get());
        return made.get();
    }

    @Test
    void aThreadMadeInsideACellIsNotInTheCellsGroup() throws Exception {
        ThreadGroup cell = new ThreadGroup("JShell process local execution");
        Thread ours = madeInsideACellsGroup(cell);
        assertFalse(cell.parentOf(ours.getThreadGroup()), "the cell would wait for " + ours);
    }

    @Test
    void threadsAreDaemons() throws Exception {
        assertTrue(madeInsideACellsGroup(new ThreadGroup("cell")).isDaemon());
    }
}

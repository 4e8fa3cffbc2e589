package org.jparallel.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jparallel.display.Display;
import org.jparallel.display.DisplayEvent;
import org.jparallel.repl.CellOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An engine's session opens when something needs it or the engine is idle, not when the engine starts. */
class SessionSlotTest {

    private final AtomicInteger opened = new AtomicInteger();
    private final List<DisplayEvent> shown = new CopyOnWriteArrayList<>();
    private final SessionSlot slot = new SessionSlot(() -> {
        opened.incrementAndGet();
        return EngineSession.open(new Display(shown::add));
    });

    @AfterEach
    void close() {
        slot.close();
    }

    @Test
    void nothingOpensUntilAsked() throws Exception {
        Thread.sleep(200);
        assertEquals(0, opened.get());
        assertTrue(slot.ifOpen().isEmpty());
    }

    @Test
    void firstRequestThatNeedsTheSessionOpensIt() {
        CellOutcome outcome = slot.get().java().eval("6 * 7", "test");
        assertTrue(outcome instanceof CellOutcome.Success, outcome.toString());
        assertSame(slot.get(), slot.ifOpen().orElseThrow());
        assertEquals(1, opened.get());
    }

    @Test
    void openingInTheBackgroundServesTheNextRequest() throws Exception {
        slot.open();
        slot.open();
        EngineSession session = slot.get();
        assertSame(session, slot.get());
        assertEquals(1, opened.get());
    }

    @Test
    void aStopWhileTheSessionOpensIsKeptForTheRequestWaitingForIt() {
        slot.open();
        slot.stop(); // the session takes seconds to open: it is not open yet
        slot.get();
        assertTrue(slot.takeStopWhenOpen());
        assertFalse(slot.takeStopWhenOpen(), "once");
    }

    @Test
    void aStopOnceTheSessionIsOpenStopsItsCodeInstead() {
        slot.get();
        slot.stop();
        assertFalse(slot.takeStopWhenOpen());
    }

    @Test
    void resetClosesTheSessionAndTheNextOneIsFresh() {
        EngineSession first = slot.get();
        first.java().eval("int kept = 1;", "test");
        slot.reset();
        assertTrue(slot.ifOpen().isEmpty());
        EngineSession second = slot.get();
        assertNotSame(first, second);
        assertTrue(second.java().variable("kept").isEmpty());
    }

    @Test
    void aCellThatDisplaysFindsTheDisplayMethodsDeclared() {
        CellOutcome outcome = slot.get().run("display(html(\"<b>hi</b>\"));", "In [1]");

        assertTrue(outcome instanceof CellOutcome.Success, outcome.toString());
        assertEquals("<b>hi</b>", shown.get(0).bundle().data().get("text/html"));
    }

    @Test
    void aScriptAMagicRunsFindsTheDisplayMethodsDeclaredToo(@TempDir Path folder) throws Exception {
        Path script = Files.writeString(folder.resolve("show.jsh"), "display(html(\"<i>from a script</i>\"));\n");

        CellOutcome outcome = slot.get().run("%load " + script, "In [1]");

        assertTrue(outcome instanceof CellOutcome.Success, outcome.toString());
        assertEquals("<i>from a script</i>", shown.get(0).bundle().data().get("text/html"));
    }
}

package org.jparallel.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jparallel.display.Display;
import org.jparallel.display.DisplayEvent;
import org.jparallel.repl.CellOutcome;
import org.jparallel.repl.JavaSession;
import org.jparallel.repl.SessionOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MimeCellMagicTest {
    private final List<DisplayEvent> shown = new ArrayList<>();
    private JavaSession session;
    private SessionContext notebook;

    @BeforeEach
    void open() {
        session = JavaSession.open(SessionOptions.defaults());
        notebook = new SessionContext(session, MagicRegistry.builtins(Set.of()), new Display(shown::add)) {
            @Override
            public void redirectCells(String cellMagicName) {
            }
        };
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void eachShowsTheCellsTextAsItsType() {
        Map<String, String> types = Map.of("html", "text/html", "markdown", "text/markdown", "latex", "text/latex",
                "svg", "image/svg+xml", "javascript", "application/javascript", "js", "application/javascript");
        types.forEach((magic, mimeType) -> {
            shown.clear();
            CellOutcome outcome = notebook.runCell("%%" + magic + "\nint x = 1; // <b>not Java here</b>\nline two");
            assertInstanceOf(CellOutcome.Success.class, outcome, magic);
            assertEquals(1, shown.size(), magic);
            assertEquals(Map.of(mimeType, "int x = 1; // <b>not Java here</b>\nline two"), shown.get(0).bundle().data(),
                    magic);
        });
    }

    @Test
    void argumentsAreAUsageError() {
        CellOutcome outcome = notebook.runCell("%%html --isolated\n<b>x</b>");
        assertEquals("UsageError", assertInstanceOf(CellOutcome.RuntimeError.class, outcome).exceptionClass());
    }
}

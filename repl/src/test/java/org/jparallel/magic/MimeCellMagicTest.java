package org.jparallel.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Map;
import java.util.Set;
import org.jparallel.repl.CellOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MimeCellMagicTest {
    private final TestNotebook notebook = TestNotebook.with(MagicRegistry.builtins(Set.of()));

    @AfterEach
    void close() {
        notebook.close();
    }

    @Test
    void eachShowsTheCellsTextAsItsType() {
        Map<String, String> types = Map.of("html", "text/html", "markdown", "text/markdown", "latex", "text/latex",
                "svg", "image/svg+xml", "javascript", "application/javascript", "js", "application/javascript");
        types.forEach((magic, mimeType) -> {
            notebook.shown().clear();
            notebook.succeed("%%" + magic + "\nint x = 1; // <b>not Java here</b>\nline two");
            assertEquals(1, notebook.shown().size(), magic);
            assertEquals(Map.of(mimeType, "int x = 1; // <b>not Java here</b>\nline two"),
                    notebook.shown().get(0).bundle().data(), magic);
        });
    }

    @Test
    void argumentsAreAUsageError() {
        CellOutcome outcome = notebook.run("%%html --isolated\n<b>x</b>");
        assertEquals("UsageError", assertInstanceOf(CellOutcome.RuntimeError.class, outcome).exceptionClass());
    }
}

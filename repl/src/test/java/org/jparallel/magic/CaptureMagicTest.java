package org.jparallel.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.jparallel.repl.CellOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CaptureMagicTest {
    private final TestNotebook notebook = TestNotebook.with(MagicRegistry.builtins(Set.of()));

    @AfterEach
    void close() {
        notebook.close();
    }

    @Test
    void whatTheCellPrintsAndItsValueGoIntoTheVariableNotOnScreen() {
        CellOutcome.Success captured = notebook.succeed("%%capture log\nSystem.out.println(\"noisy\");\n6 * 7");
        assertEquals(Optional.empty(), captured.value(), "the value does not show");
        assertEquals("", notebook.printed());
        assertEquals("noisy\n", notebook.value("log.stdout()"));
        assertEquals(42, notebook.value("log.value()"));
    }

    @Test
    void showPrintsWhatWasCaptured() {
        notebook.succeed("%%capture quiet\nSystem.out.print(\"later\");");
        notebook.succeed("quiet.show();");
        assertEquals("later", notebook.printed());
    }

    @Test
    void noStdoutLetsStandardOutputShow() {
        notebook.succeed("%%capture --no-stdout\nSystem.out.println(\"shown\");");
        assertEquals("shown\n", notebook.printed());
    }

    @Test
    void aFailingCellStillFails() {
        assertInstanceOf(CellOutcome.RuntimeError.class,
                notebook.run("%%capture failed\nthrow new IllegalStateException(\"boom\");"));
        assertTrue(notebook.printed().isEmpty(), notebook.printed());
    }

    @Test
    void twoNamesAreAUsageError() {
        CellOutcome.RuntimeError error = assertInstanceOf(CellOutcome.RuntimeError.class,
                notebook.run("%%capture a b\n1"));
        assertEquals("UsageError", error.exceptionClass());
    }
}

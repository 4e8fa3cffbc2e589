package org.jparallel.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.jparallel.repl.CellOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** IPython's %env: what it sets, the shells of %sh and %%bash see. */
class EnvMagicTest {
    private final TestNotebook notebook = TestNotebook.with(MagicRegistry.builtins(Set.of()));

    @AfterEach
    void close() {
        notebook.close();
    }

    @Test
    void aVariableSetReachesTheShellsStartedAfter() {
        notebook.succeed("%env DATA_DIR=/tmp/data");
        notebook.succeed("%%bash\necho \"dir: $DATA_DIR\"");
        assertEquals("dir: /tmp/data\n", notebook.printed());
    }

    @Test
    void aNameAloneShowsItsValue() {
        notebook.succeed("%env GREETING hello there");
        notebook.succeed("%env GREETING");
        assertEquals("hello there\n", notebook.printed());
    }

    @Test
    void withoutArgumentsItListsTheEnvironment() {
        notebook.succeed("%env");
        assertTrue(notebook.printed().contains("PATH=" + System.getenv("PATH") + "\n"), notebook.printed());
    }

    @Test
    void anUnknownVariableIsAUsageError() {
        assertInstanceOf(CellOutcome.RuntimeError.class, notebook.run("%env NO_SUCH_VARIABLE_HERE"));
    }

    @Test
    void lsmagicRefusesArguments() {
        assertInstanceOf(CellOutcome.RuntimeError.class, notebook.run("%lsmagic extra"));
    }
}

package org.jparallel.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.jparallel.repl.CellOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteFileMagicTest {
    @TempDir
    Path dir;
    private final TestNotebook notebook = TestNotebook.with(MagicRegistry.builtins(Set.of()));

    @AfterEach
    void close() {
        notebook.close();
    }

    @Test
    void theCellsTextBecomesAFileThatLoadRuns() throws Exception {
        Path script = dir.resolve("helpers.jsh");
        notebook.succeed("%%writefile " + script + "\nint thrice(int x) { return 3 * x; }\nthrice(5)");
        assertEquals("Writing " + script + "\n", notebook.printed());
        assertEquals("int thrice(int x) { return 3 * x; }\nthrice(5)\n", Files.readString(script));
        assertEquals(15, notebook.value("%load " + script));
    }

    @Test
    void appendAddsToTheFileAndPlainWritingReplacesIt() throws Exception {
        Path data = dir.resolve("data.csv");
        notebook.succeed("%%writefile " + data + "\na,1");
        notebook.succeed("%%writefile -a " + data + "\nb,2");
        assertEquals("a,1\nb,2\n", Files.readString(data));
        notebook.succeed("%%writefile " + data + "\nc,3");
        assertTrue(notebook.printed().startsWith("Overwriting "), notebook.printed());
        assertEquals("c,3\n", Files.readString(data));
    }

    @Test
    void withoutAFileItPrintsTheUsage() {
        CellOutcome.RuntimeError error = assertInstanceOf(CellOutcome.RuntimeError.class,
                notebook.run("%%writefile\ntext"));
        assertEquals("UsageError", error.exceptionClass());
        assertTrue(error.message().startsWith("%%writefile needs one file"), error.message());
    }
}

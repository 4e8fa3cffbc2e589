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

class LoadMagicTest {
    @TempDir
    Path dir;
    private final TestNotebook notebook = TestNotebook.with(MagicRegistry.builtins(Set.of()));

    @AfterEach
    void close() {
        notebook.close();
    }

    @Test
    void theFilesDeclarationsServeLaterCellsAndItsLastValueShows() throws Exception {
        Path script = Files.writeString(dir.resolve("shapes.jsh"), """
                record Square(int side) { int area() { return side * side; } }
                int twice(int x) { return 2 * x; }
                new Square(3).area()
                """);

        assertEquals(9, notebook.value("%load " + script));
        assertEquals(10, notebook.value("twice(new Square(5).side())"));
    }

    @Test
    void magicsInTheFileRunToo() throws Exception {
        Path script = Files.writeString(dir.resolve("timed.jsh"), "%time 6 * 7\n");
        assertEquals(42, notebook.value("%load " + script));
    }

    @Test
    void aMissingFileIsAUsageError() {
        CellOutcome outcome = notebook.run("%load " + dir.resolve("absent.jsh"));
        CellOutcome.RuntimeError error = assertInstanceOf(CellOutcome.RuntimeError.class, outcome);
        assertEquals("UsageError", error.exceptionClass());
        assertTrue(error.message().startsWith("no such file: "), error.message());
    }

    @Test
    void anErrorInTheFileIsTheCellsError() throws Exception {
        Path script = Files.writeString(dir.resolve("broken.jsh"), "int ok = 1;\nint broken = \"text\";\n");
        assertInstanceOf(CellOutcome.CompileError.class, notebook.run("%load " + script));
    }

    @Test
    void anErrorInTheFileNamesTheFileAndItsLine() throws Exception {
        Path script = Files.writeString(dir.resolve("named.jsh"), "int fine = 1;\nint wrong = \"text\";\n");
        var error = assertInstanceOf(CellOutcome.CompileError.class, notebook.run("%load " + script, "In [4]"));
        assertTrue(error.traceback().get(0).startsWith(script + " line 2"), error.traceback().toString());
    }

    @Test
    void anErrorInTheCodeOfAMagicNamesTheCellAndTheMagic() {
        var error = assertInstanceOf(CellOutcome.RuntimeError.class,
                notebook.run("%%time\nthrow new IllegalStateException(\"inside\");", "In [7]"));
        assertTrue(String.join("\n", error.traceback()).contains("In [7] (%%time) line 1"), error.traceback().toString());
    }
}

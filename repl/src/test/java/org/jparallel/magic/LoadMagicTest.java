package org.jparallel.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jparallel.display.Display;
import org.jparallel.magic.builtin.LoadMagic;
import org.jparallel.magic.builtin.TimeMagic;
import org.jparallel.repl.CellOutcome;
import org.jparallel.repl.JavaSession;
import org.jparallel.repl.SessionOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadMagicTest {
    @TempDir
    Path dir;
    private JavaSession session;
    private SessionContext notebook;

    @BeforeEach
    void open() {
        session = JavaSession.open(SessionOptions.defaults());
        notebook = new SessionContext(session, new MagicRegistry().register(new LoadMagic()).register(new TimeMagic()),
                new Display(event -> { })) {
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
    void theFilesDeclarationsServeLaterCellsAndItsLastValueShows() throws Exception {
        Path script = Files.writeString(dir.resolve("shapes.jsh"), """
                record Square(int side) { int area() { return side * side; } }
                int twice(int x) { return 2 * x; }
                new Square(3).area()
                """);

        CellOutcome loaded = notebook.runCell("%load " + script);

        assertEquals(9, assertInstanceOf(CellOutcome.Success.class, loaded).value().orElseThrow().object());
        assertEquals(10, value("twice(new Square(5).side())"));
    }

    @Test
    void magicsInTheFileRunToo() throws Exception {
        Path script = Files.writeString(dir.resolve("timed.jsh"), "%time 6 * 7\n");
        assertEquals(42, assertInstanceOf(CellOutcome.Success.class, notebook.runCell("%load " + script))
                .value().orElseThrow().object());
    }

    @Test
    void aMissingFileIsAUsageError() {
        CellOutcome outcome = notebook.runCell("%load " + dir.resolve("absent.jsh"));
        CellOutcome.RuntimeError error = assertInstanceOf(CellOutcome.RuntimeError.class, outcome);
        assertEquals("UsageError", error.exceptionClass());
        assertTrue(error.message().startsWith("no such file: "), error.message());
    }

    @Test
    void anErrorInTheFileIsTheCellsError() throws Exception {
        Path script = Files.writeString(dir.resolve("broken.jsh"), "int ok = 1;\nint broken = \"text\";\n");
        assertInstanceOf(CellOutcome.CompileError.class, notebook.runCell("%load " + script));
    }

    private Object value(String cell) {
        CellOutcome outcome = notebook.runCell(cell);
        return assertInstanceOf(CellOutcome.Success.class, outcome, outcome::toString).value().orElseThrow().object();
    }
}

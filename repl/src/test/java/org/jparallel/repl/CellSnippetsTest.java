package org.jparallel.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A cell's snippets: where each starts and how complete it is, and a repeated cell split only once. */
class CellSnippetsTest {

    private final JShell shell = JShell.builder().executionEngine("local").build();
    private final CellSnippets snippets = new CellSnippets(shell.sourceCodeAnalysis());

    @AfterEach
    void close() {
        shell.close();
    }

    @Test
    void cellSplitsIntoItsSnippetsWithTheirOffsets() {
        List<CellSnippets.Part> parts = snippets.split("int a = 1;\n  a + 1");
        assertEquals(List.of("int a = 1;", "a + 1"), parts.stream().map(CellSnippets.Part::source).toList());
        assertEquals(List.of(0, 13), parts.stream().map(CellSnippets.Part::offset).toList());
    }

    @Test
    void unfinishedRestIsTheLastPart() {
        List<CellSnippets.Part> parts = snippets.split("int a = 1;\nvoid f() {");
        assertEquals(2, parts.size());
        assertEquals(Completeness.DEFINITELY_INCOMPLETE, parts.get(1).completeness());
    }

    @Test
    void repeatedCellIsNotParsedAgain() {
        String cell = "x = ProcessHandle.current().pid();";
        assertSame(snippets.split(cell), snippets.split(cell));
    }

    @Test
    void veryLongCellIsNotRemembered() {
        String cell = "int a = 1;\n" + "//".repeat(10_000);
        assertEquals(snippets.split(cell), snippets.split(cell));
        assertEquals(1, snippets.split(cell).size());
    }
}

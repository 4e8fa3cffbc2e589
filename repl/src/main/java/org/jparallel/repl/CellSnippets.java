package org.jparallel.repl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

/**
 * Splits a cell into the snippets JShell evaluates one at a time, remembering the splits of recent cells.
 *
 * <p>JShell finds where a snippet ends by parsing with javac, which cost an engine more than the rest of a
 * repeated {@code %px} line (whose wrapper class {@link CompiledSnippets} runs again without javac). The
 * split depends on the text alone, so the same text is split once.
 */
final class CellSnippets {

    private static final int CAPACITY = 256;
    // A cell this long is a pasted program, not a line run again and again.
    private static final int LONGEST_REMEMBERED = 16_384;

    /**
     * One snippet of a cell.
     *
     * @param source the text to give JShell (it may end with a semicolon JShell added)
     * @param offset where the snippet starts in the cell
     * @param completeness JShell's view of the snippet
     */
    record Part(String source, int offset, Completeness completeness) {
        boolean isComplete() {
            return completeness.isComplete();
        }
    }

    private final SourceCodeAnalysis analysis;
    private final Map<String, List<Part>> byCell = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<Part>> eldest) {
            return size() > CAPACITY;
        }
    };

    CellSnippets(SourceCodeAnalysis analysis) {
        this.analysis = analysis;
    }

    /**
     * The snippets of {@code cell}, in order. An incomplete or unparseable rest of the cell
     * becomes one last part, so that JShell reports its errors.
     */
    List<Part> split(String cell) {
        synchronized (byCell) {
            List<Part> known = byCell.get(cell);
            if (known != null) {
                return known;
            }
        }
        List<Part> parts = List.copyOf(analyze(cell));
        if (cell.length() <= LONGEST_REMEMBERED) {
            synchronized (byCell) {
                byCell.put(cell, parts);
            }
        }
        return parts;
    }

    private List<Part> analyze(String cell) {
        List<Part> parts = new ArrayList<>();
        String rest = cell;
        int offset = 0;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            Completeness completeness = info.completeness();
            if (completeness == Completeness.EMPTY) {
                break;
            }
            if (info.source() == null) {
                parts.add(part(rest, offset, completeness));
                break;
            }
            parts.add(part(info.source(), offset, completeness));
            if (info.remaining().length() >= rest.length()) {
                break;
            }
            offset += rest.length() - info.remaining().length();
            rest = info.remaining();
        }
        return parts;
    }

    // JShell numbers the lines of a snippet that starts with a line break wrongly in stack
    // traces; a snippet that starts at its first character is numbered right.
    private static Part part(String source, int offset, Completeness completeness) {
        int lead = 0;
        while (lead < source.length() && Character.isWhitespace(source.charAt(lead))) {
            lead++;
        }
        return new Part(source.substring(lead), offset + lead, completeness);
    }
}

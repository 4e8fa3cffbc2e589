package org.jparallel.repl;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

/** Splits a cell into the snippets JShell evaluates one at a time. */
final class CellSnippets {

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

    private CellSnippets() {
    }

    /**
     * The snippets of {@code cell}, in order. An incomplete or unparseable rest of the cell
     * becomes one last part, so that JShell reports its errors.
     */
    static List<Part> split(SourceCodeAnalysis analysis, String cell) {
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

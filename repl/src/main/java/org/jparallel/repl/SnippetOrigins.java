package org.jparallel.repl;

import java.util.HashMap;
import java.util.Map;

/** Where each snippet came from: the cell and the line it starts on, to name stack frames by cell line. */
final class SnippetOrigins {

    private record Origin(String cellName, int firstLine) {
    }

    private final Map<String, Origin> bySnippetId = new HashMap<>();

    synchronized void record(String snippetId, String cellName, int firstLine) {
        bySnippetId.put(snippetId, new Origin(cellName, firstLine));
    }

    /** Whether the snippet came from the cell named {@code cellName}. */
    synchronized boolean from(String snippetId, String cellName) {
        Origin origin = bySnippetId.get(snippetId);
        return origin != null && origin.cellName().equals(cellName);
    }

    /** {@code cell line 7} for line {@code snippetLine} of the snippet. */
    synchronized String describe(String snippetId, int snippetLine) {
        Origin origin = bySnippetId.get(snippetId);
        if (origin == null) {
            return "snippet " + snippetId + " line " + snippetLine;
        }
        return origin.cellName() + " line " + (origin.firstLine() + snippetLine - 1);
    }
}

package org.jparallel.repl;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Documentation;
import jdk.jshell.SourceCodeAnalysis.Suggestion;

/** Completion, documentation and completeness of cells, from JShell's source analysis. */
final class CodeAssist implements AutoCloseable {

    private final SourceCodeAnalysis analysis;
    private final CellSnippets snippets;
    private final SyntaxCheck syntax = new SyntaxCheck();

    CodeAssist(SourceCodeAnalysis analysis, CellSnippets snippets) {
        this.analysis = analysis;
        this.snippets = snippets;
    }

    Completion complete(RewrittenCell cell, int cursor) {
        String prefix = cell.text().substring(0, cell.rewrittenPosition(cursor));
        int start = startOfLastSnippet(prefix);
        String snippet = prefix.substring(start);
        int[] anchor = new int[1];
        List<String> matches = analysis.completionSuggestions(snippet, snippet.length(), anchor).stream()
                .map(Suggestion::continuation)
                .filter(match -> !match.startsWith("$")) // the session's own ($display, $magics), not the user's
                .distinct()
                .toList();
        if (matches.isEmpty()) {
            return Completion.none(cursor);
        }
        return new Completion(matches, cell.originalPosition(start + anchor[0]), cursor);
    }

    Optional<String> inspect(RewrittenCell cell, int cursor) {
        String text = cell.text();
        int end = cell.rewrittenPosition(cursor);
        while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) {
            end++; // the whole name under the cursor
        }
        int start = startOfLastSnippet(text.substring(0, end));
        String snippet = text.substring(start, end);
        boolean call = end < text.length() && text.charAt(end) == '(';
        List<Documentation> docs = call ? List.of() : analysis.documentation(snippet, snippet.length(), true);
        if (docs.isEmpty()) {
            // JShell documents a method only when its argument list is open.
            docs = analysis.documentation(snippet + "(", snippet.length() + 1, true);
        }
        if (docs.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(docs.stream().map(CodeAssist::describe).collect(Collectors.joining("\n\n")));
    }

    Completeness isComplete(RewrittenCell cell) {
        for (CellSnippets.Part part : snippets.split(cell.text())) {
            switch (part.completeness()) {
                case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> {
                    return new Completeness(Completeness.INCOMPLETE, "    ".repeat(openBrackets(cell.text())));
                }
                case UNKNOWN -> {
                    return Completeness.of(Completeness.INVALID);
                }
                default -> {
                    if (!syntax.parses(part.source())) {
                        return Completeness.of(Completeness.INVALID);
                    }
                }
            }
        }
        return Completeness.of(Completeness.COMPLETE);
    }

    @Override
    public void close() {
        syntax.close();
    }

    private static String describe(Documentation doc) {
        String javadoc = doc.javadoc();
        return javadoc == null || javadoc.isBlank() ? doc.signature() : doc.signature() + "\n\n" + JavadocText.plain(javadoc);
    }

    private int startOfLastSnippet(String text) {
        int start = 0;
        String rest = text;
        while (true) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            if (info.source() == null || info.remaining().isBlank() || info.remaining().length() >= rest.length()) {
                return start;
            }
            start += rest.length() - info.remaining().length();
            rest = info.remaining();
        }
    }

    private static int openBrackets(String text) {
        int depth = 0;
        for (SourceTokens.Token t : SourceTokens.of(text)) {
            if (t.is("{") || t.is("(") || t.is("[")) {
                depth++;
            } else if (t.is("}") || t.is(")") || t.is("]")) {
                depth = Math.max(0, depth - 1);
            }
        }
        return depth;
    }
}

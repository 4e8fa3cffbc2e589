package org.jparallel.repl;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.VarSnippet;

/**
 * Keeps the newest {@value #KEPT} of the temporary variables ({@code $1}, {@code $2}, …) JShell declares for the
 * values of expression cells, and drops older ones. Every active declaration is imported into the wrapper class of
 * every later snippet: a long notebook's thousands of them made each new compile slower (14 ms per new expression
 * with 130 of them, 91 ms with 1,030, 25 ms again once dropped to 100) and each wrapper's source longer (a kernel's
 * heap grew by 1.5 GB over 4,000 cells, most of it wrapper text). The notebook keeps displayed values in
 * {@code Out}; {@code _}, {@code __} and {@code ___} name recent ones.
 */
final class TemporaryVariables {
    static final int KEPT = 100;

    private final JShell shell;
    private final CompiledSnippets compiled;

    TemporaryVariables(JShell shell, CompiledSnippets compiled) {
        this.shell = shell;
        this.compiled = compiled;
    }

    /**
     * Drops the temporaries beyond the newest {@value #KEPT}, but not those {@code _}, {@code __} and {@code ___}
     * name ({@code history}); called holding the shell, after a cell.
     */
    void prune(DisplayHistory history) {
        List<VarSnippet> temporaries = shell.variables()
                .filter(v -> v.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND)
                .sorted(Comparator.comparingLong(TemporaryVariables::order))
                .toList();
        Set<String> displayed = history.values().stream().map(Value::variable).collect(Collectors.toSet());
        for (VarSnippet old : temporaries.subList(0, Math.max(0, temporaries.size() - KEPT))) {
            if (!displayed.contains(old.name())) {
                shell.drop(old);
                compiled.forget(old); // its wrapper would set a variable JShell no longer has
            }
        }
    }

    /** JShell numbers its snippets as it creates them: "12"; startup ones "s3" come first. */
    private static long order(VarSnippet snippet) {
        String id = snippet.id();
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException startup) {
            return -1;
        }
    }
}

package org.jparallel.repl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import jdk.jshell.Diag;
import org.jparallel.repl.CellOutcome.CompileError;

/** Compile errors told by their line and column in the cell, with the source line and a caret. */
final class CompileErrors {

    private final CellText text;
    private final RewrittenCell cell;

    CompileErrors(CellText text, RewrittenCell cell) {
        this.text = text;
        this.cell = cell;
    }

    /** A snippet starting at {@code offset} of the rewritten cell did not compile. */
    CompileError rejected(List<Diag> diagnostics, int offset) {
        List<Diag> errors = diagnostics.stream().filter(Diag::isError).toList();
        List<Diag> shown = errors.isEmpty() ? diagnostics : errors;
        if (shown.isEmpty()) {
            return at(offset, "this snippet is not accepted here");
        }
        List<String> traceback = new ArrayList<>();
        for (Diag d : shown) {
            long at = d.getPosition() == Diagnostic.NOPOS ? 0 : d.getPosition();
            int position = cell.originalPosition(offset + (int) at);
            traceback.add(text.where(position) + ": " + message(d) + "\n" + text.pointAt(position));
        }
        return new CompileError(message(shown.get(0)), traceback);
    }

    /** Several declarations of the cell refer to what is not declared. */
    CompileError unresolved(List<String> explanations, List<Integer> offsets) {
        List<String> traceback = new ArrayList<>();
        for (int i = 0; i < explanations.size(); i++) {
            int position = cell.originalPosition(offsets.get(i));
            traceback.add(text.where(position) + ": " + explanations.get(i) + "\n" + text.pointAt(position));
        }
        return new CompileError(String.join("; ", explanations), traceback);
    }

    /** An error about the code at {@code offset} of the rewritten cell. */
    CompileError at(int offset, String message) {
        return atOriginal(cell.originalPosition(offset), message);
    }

    CompileError atOriginal(int position, String message) {
        return new CompileError(message, List.of(text.where(position) + ": " + message + "\n" + text.pointAt(position)));
    }

    private static String message(Diag d) {
        // JShell's wrapper class has no name: "location: class " says nothing.
        return d.getMessage(Locale.ROOT).lines()
                .filter(line -> !line.strip().equals("location: class"))
                .collect(Collectors.joining("\n"));
    }
}

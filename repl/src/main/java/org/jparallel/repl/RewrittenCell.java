package org.jparallel.repl;

import java.util.List;

/**
 * A cell whose history names ({@code _}, {@code __}, {@code ___}) were replaced by the
 * variables they stand for, with what it takes to map positions back to the cell as typed.
 *
 * @param original the cell as typed
 * @param text the cell as JShell sees it
 * @param edits the replacements, in order
 * @param unboundAt where the cell uses {@code _} while nothing was displayed yet; -1 if it does not
 */
record RewrittenCell(String original, String text, List<Edit> edits, int unboundAt) {

    /** A name of {@code oldLength} characters at {@code start} in the original, replaced by {@code newLength}. */
    record Edit(int start, int oldLength, int newLength) {
    }

    RewrittenCell {
        edits = List.copyOf(edits);
    }

    static RewrittenCell unchanged(String cell) {
        return new RewrittenCell(cell, cell, List.of(), -1);
    }

    /** The position in the original cell of position {@code at} of {@link #text()}. */
    int originalPosition(int at) {
        int shift = 0;
        for (Edit e : edits) {
            int rewrittenStart = e.start() + shift;
            if (at < rewrittenStart) {
                break;
            }
            if (at < rewrittenStart + e.newLength()) {
                return e.start();
            }
            shift += e.newLength() - e.oldLength();
        }
        return Math.max(0, Math.min(original.length(), at - shift));
    }

    /** The position in {@link #text()} of position {@code at} of the original cell. */
    int rewrittenPosition(int at) {
        int shift = 0;
        for (Edit e : edits) {
            if (at < e.start() + e.oldLength()) {
                return at <= e.start() ? at + shift : e.start() + shift + e.newLength();
            }
            shift += e.newLength() - e.oldLength();
        }
        return at + shift;
    }
}

package org.jparallel.client.values;

import org.jparallel.repl.SnippetNames;

/**
 * The names a notebook's user knows for what JShell compiled: a cell's variable {@code o} is a static field of a
 * wrapper class {@code REPL.$JShell$35}, and a record {@code Point} declared in a cell is
 * {@code REPL.$JShell$11$Point}. Errors speak of {@code the cell variable o} and {@code Point}.
 */
final class CellNames {

    private CellNames() {
    }

    /** {@code Point} for {@code REPL.$JShell$11$Point}, {@code Point.Inner} for a nested one; others as given. */
    static String type(String binaryName) {
        return SnippetNames.declaredName(binaryName).orElse(binaryName);
    }

    /** {@code the cell variable o} for a field of a snippet's wrapper; {@code Point.ORIGIN} for a type's field. */
    static String staticField(String binaryName, String field) {
        if (SnippetNames.isWrapper(binaryName)) {
            return "the cell variable " + field;
        }
        return type(binaryName) + "." + field;
    }
}

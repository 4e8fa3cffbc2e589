package org.jparallel.client.values;

import java.util.regex.Pattern;
import org.jparallel.repl.SnippetNames;

/**
 * The names a notebook's user knows for what JShell compiled: a cell's variable {@code o} is a static field of a
 * wrapper class {@code REPL.$JShell$35}, and a record {@code Point} declared in a cell is
 * {@code REPL.$JShell$11$Point}. Errors speak of {@code the cell variable o} and {@code Point}.
 */
final class CellNames {

    /** A snippet's wrapper class, which holds the cells' variables: {@code REPL.$JShell$35}. */
    private static final Pattern WRAPPER_CLASS = Pattern.compile("REPL\\.\\$JShell\\$\\d+");

    private CellNames() {
    }

    /** {@code Point} for {@code REPL.$JShell$11$Point}, {@code Point.Inner} for a nested one; others as given. */
    static String type(String binaryName) {
        return SnippetNames.declaredName(binaryName).orElse(binaryName);
    }

    /** {@code the cell variable o} for a field of a snippet's wrapper; {@code Point.ORIGIN} for a type's field. */
    static String staticField(String binaryName, String field) {
        if (WRAPPER_CLASS.matcher(binaryName).matches()) {
            return "the cell variable " + field;
        }
        return type(binaryName) + "." + field;
    }
}

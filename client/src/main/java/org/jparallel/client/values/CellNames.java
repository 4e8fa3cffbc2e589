package org.jparallel.client.values;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names a notebook's user knows for what JShell compiled: a cell's variable {@code o} is a static field of a
 * wrapper class {@code REPL.$JShell$35}, and a record {@code Point} declared in a cell is
 * {@code REPL.$JShell$11$Point}. Errors speak of {@code the cell variable o} and {@code Point}.
 */
final class CellNames {

    /** A snippet's wrapper class, and what it declares: {@code REPL.$JShell$11} and {@code $Point$Inner}. */
    private static final Pattern SNIPPET_CLASS = Pattern.compile("REPL\\.\\$JShell\\$\\d+((?:\\$[^$]+)*)");

    private CellNames() {
    }

    /** {@code Point} for {@code REPL.$JShell$11$Point}, {@code Point.Inner} for a nested one; others as given. */
    static String type(String binaryName) {
        Matcher snippet = SNIPPET_CLASS.matcher(binaryName);
        if (!snippet.matches() || snippet.group(1).isEmpty()) {
            return binaryName;
        }
        return snippet.group(1).substring(1).replace('$', '.');
    }

    /** {@code the cell variable o} for a field of a snippet's wrapper; {@code Point.ORIGIN} for a type's field. */
    static String staticField(String binaryName, String field) {
        Matcher snippet = SNIPPET_CLASS.matcher(binaryName);
        if (snippet.matches() && snippet.group(1).isEmpty()) {
            return "the cell variable " + field;
        }
        return type(binaryName) + "." + field;
    }
}

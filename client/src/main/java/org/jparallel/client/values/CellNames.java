package org.jparallel.client.values;

import java.util.regex.Pattern;
import org.jparallel.repl.SnippetNames;

/**
 * The names a notebook's user knows for what JShell compiled: a cell's variable {@code o} is a static field of a
 * wrapper class {@code REPL.$JShell$35}, and a record {@code Point} declared in a cell is
 * {@code REPL.$JShell$11$Point}. Errors speak of {@code the cell variable o} and {@code Point}.
 */
final class CellNames {

    private CellNames() {
    }

    /** What JShell names an anonymous class written in a cell's top-level code. */
    private static final Pattern CELL_ANONYMOUS = Pattern.compile("REPL\\.\\$JShell\\$\\w+\\$\\$JShell\\$anonymous\\$\\$\\d+");

    /**
     * {@code Point} for {@code REPL.$JShell$11$Point}, {@code Point.Inner} for a nested one, {@code an anonymous
     * class of a cell} for {@code REPL.$JShell$232$$JShell$anonymous$$0} or {@code REPL.$JShell$23$1}; others as
     * given.
     */
    static String type(String binaryName) {
        String declared = SnippetNames.declaredName(binaryName).orElse(null);
        if (CELL_ANONYMOUS.matcher(binaryName).matches() || declared != null && declared.matches("\\d+")) {
            return "an anonymous class of a cell";
        }
        if (declared != null && declared.matches(".*\\.\\d+")) { // Outer.1
            return "an anonymous class in " + declared.substring(0, declared.lastIndexOf('.'));
        }
        return declared == null ? binaryName : declared;
    }

    /** {@code the cell variable o} for a field of a snippet's wrapper; {@code Point.ORIGIN} for a type's field. */
    static String staticField(String binaryName, String field) {
        if (SnippetNames.isWrapper(binaryName)) {
            return "the cell variable " + field;
        }
        return type(binaryName) + "." + field;
    }
}

package org.jparallel.repl;

import java.util.List;
import java.util.Optional;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.VarSnippet;

/** The real objects held by JShell variables, read and written without evaluating source. */
final class Variables {

    private final JShell shell;
    private final CellExecutionControl control;

    Variables(JShell shell, CellExecutionControl control) {
        this.shell = shell;
        this.control = control;
    }

    Optional<VarSnippet> named(String name) {
        return shell.variables()
                .filter(v -> v.name().equals(name) && shell.status(v) == Snippet.Status.VALID)
                .reduce((first, second) -> second);
    }

    /** The variables in use, in the order JShell declared them. */
    List<VarSnippet> all() {
        return shell.variables().filter(v -> shell.status(v) == Snippet.Status.VALID).toList();
    }

    Object read(VarSnippet variable) {
        shell.varValue(variable); // tells the control which field holds it
        try {
            return control.addressedVariable().get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + variable.name(), e);
        }
    }

    /**
     * Whether {@code value}, not null, can be written to the variable as it is: it is an instance of the
     * variable's class (JShell's fields are never final, even for a {@code final} variable). A primitive
     * variable never can: its value comes boxed.
     */
    boolean canHold(VarSnippet variable, Object value) {
        shell.varValue(variable);
        return control.addressedVariable().getType().isInstance(value);
    }

    /** @throws IllegalArgumentException if {@code value} does not fit the variable's type */
    void write(VarSnippet variable, Object value) {
        shell.varValue(variable);
        try {
            control.addressedVariable().set(null, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot write " + variable.name(), e);
        }
    }
}

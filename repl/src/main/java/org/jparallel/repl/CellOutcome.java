package org.jparallel.repl;

import java.util.List;
import java.util.Optional;

/** What evaluating a cell came to. */
public sealed interface CellOutcome {

    /** Success without a value, for cells (or magics) that ran and gave nothing to display. */
    static CellOutcome nothing() {
        return new Success(Optional.empty());
    }

    /**
     * Every snippet of the cell ran.
     *
     * @param value the value of the last snippet when it is an expression with a non-void
     *     type (including a bare variable name and an assignment); empty otherwise
     */
    record Success(Optional<Value> value) implements CellOutcome {
    }

    /**
     * A snippet did not compile, or declared something that refers to what is not declared;
     * it and the snippets after it did not run.
     *
     * @param message the first error, in the compiler's words
     * @param traceback each error with its line and column in the cell, the source line and a caret
     */
    record CompileError(String message, List<String> traceback) implements CellOutcome {
        public CompileError {
            traceback = List.copyOf(traceback);
        }
    }

    /**
     * A snippet threw; the snippets after it did not run.
     *
     * @param exceptionClass the binary name of the exception's class
     * @param message the exception's message; may be null
     * @param traceback the exception and its causes, with frames of user code named by cell line
     *     and JShell's own frames left out
     */
    record RuntimeError(String exceptionClass, String message, List<String> traceback) implements CellOutcome {
        public RuntimeError {
            traceback = List.copyOf(traceback);
        }
    }

    /** The evaluation was stopped by {@link JavaSession#stop()}. */
    record Interrupted() implements CellOutcome {
    }
}

package org.jparallel.engine;

import java.util.Optional;
import org.jparallel.repl.CellOutcome;
import org.jparallel.repl.JavaSession;

/**
 * The variables of the engine's JShell session by name, for a pull and for the {@code Reference} arguments of an
 * apply. Opens the session only when asked: an apply without references never waits for it.
 */
final class SessionVariables {
    private final SessionSlot session;

    SessionVariables(SessionSlot session) {
        this.session = session;
    }

    /** The value of variable {@code name}, which may be null. */
    Object value(String name) throws NoSuchVariableException {
        JavaSession java = session.get().java();
        Optional<Object> value = java.variable(name);
        if (value.isEmpty() && !declared(java, name)) {
            throw new NoSuchVariableException(name);
        }
        return value.orElse(null);
    }

    private static boolean declared(JavaSession java, String name) {
        // variable() is empty both for "no such variable" and "holds null"; a declared name compiles.
        return name.matches("[\\p{L}_$][\\p{L}\\p{N}_$]*") && java.eval(name + " == null") instanceof CellOutcome.Success;
    }
}

package org.jparallel.repl;

import java.util.Map;
import java.util.Optional;

/**
 * The types a session's cells declare, by the names cells use for them. A value of a record that another JVM's cells
 * declared under the same name, with the same components (a record typed on both sides, as {@code %%px --local}
 * does), can then become this session's own record instead of a class the cells cannot name.
 *
 * <pre>{@code
 * session.eval("record Point(int x, int y) { }");
 * session.declaredTypes().declared("Point");   // Optional[class REPL.$JShell$12$Point]
 * session.declaredTypes().source("Point");     // Optional[record Point(int x, int y) { }]
 * session.eval("double boost(double x) { return x * 1.1; }");
 * session.declaredTypes().methods("boost");    // {(double)double=double boost(double x) { return x * 1.1; }}
 * }</pre>
 */
@FunctionalInterface
public interface DeclaredTypes {

    /** None: for JVMs without a session. */
    DeclaredTypes NONE = name -> Optional.empty();

    /** The class of the active declaration of {@code name} ({@code Point}, or {@code Outer.Inner} for a member). */
    Optional<Class<?>> declared(String name);

    /**
     * The source of the active declaration of the top-level type {@code name}, as its cell wrote it: what another
     * session evaluates to declare the same type (a record pushed to engines whose cells lack it).
     */
    default Optional<String> source(String name) {
        return Optional.empty();
    }

    /**
     * The sources of the cells' active top-level methods named {@code name}, by their signature as JShell writes it
     * ({@code (double)double}): what another session evaluates so that a type pushed there, whose code calls such a
     * method, can be used. Empty when the cells declare no method of that name.
     */
    default Map<String, String> methods(String name) {
        return Map.of();
    }

    /**
     * Takes note of a class that code outside the cells defined in the cells' loader, beside their types (a copy of
     * another JVM's cell wrapper that names this session's types): a value that uses it (a lambda it made) then ships
     * its bytecode, as it ships the cells' own classes. Sessions that ship no classes ignore it.
     */
    default void definedBeside(String binaryName, byte[] bytecode) {
    }
}

package org.jparallel.repl;

/**
 * A value held by a JShell variable of a session.
 *
 * @param object the real object (boxed for primitives); may be null
 * @param typeName the static type of the variable, as JShell names it
 * @param variable the JShell variable that holds the value, e.g. {@code $7} or {@code x}
 */
public record Value(Object object, String typeName, String variable) {
}

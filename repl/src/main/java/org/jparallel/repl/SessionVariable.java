package org.jparallel.repl;

/**
 * A variable of a session and the value it holds now.
 *
 * @param name  as declared
 * @param type  as JShell names it: {@code int}, {@code List<String>}, {@code double[]}
 * @param value the value, boxed; null for null
 */
public record SessionVariable(String name, String type, Object value) {
}

package org.jparallel.display;

import java.lang.reflect.Array;

/**
 * The {@code text/plain} of a value, written the way JShell writes a snippet's value
 * ({@code "a\"b"}, {@code 'c'}, {@code int[3] { 1, 2, 3 }}), so that {@code display(x)} and a
 * cell ending in {@code x} read the same. Mirrors JDK 17's
 * {@code jdk.jshell.execution.DirectExecutionControl.valueString}, which is not public.
 */
final class PlainText {

    private PlainText() {
    }

    static String of(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String string) {
            return quoted(string);
        }
        if (value instanceof Character character) {
            char c = character;
            return "'" + (c == '\'' ? "\\'" : escaped(c)) + "'";
        }
        if (value.getClass().isArray()) {
            return array(value);
        }
        return value.toString();
    }

    private static String quoted(String string) {
        StringBuilder text = new StringBuilder("\"");
        string.codePoints().forEach(cp -> {
            if (cp == '"') {
                text.append("\\\"");
            } else {
                text.append(escaped(cp));
            }
        });
        return text.append('"').toString();
    }

    private static String escaped(int codePoint) {
        return switch (codePoint) {
            case '\b' -> "\\b";
            case '\t' -> "\\t";
            case '\n' -> "\\n";
            case '\f' -> "\\f";
            case '\r' -> "\\r";
            case '\\' -> "\\\\";
            default -> codePoint < 256 && Character.isISOControl(codePoint)
                    ? String.format("\\%03o", codePoint)
                    : Character.toString(codePoint);
        };
    }

    // "int[2][] { int[1] { 1 }, int[0] {  } }": element type, outer length, then one [] per
    // further dimension, as JShell prints it.
    private static String array(Object array) {
        Class<?> element = array.getClass();
        int dimensions = 0;
        while (element.getComponentType() != null) {
            element = element.getComponentType();
            dimensions++;
        }
        int length = Array.getLength(array);
        String typeName = element.getTypeName();
        StringBuilder text = new StringBuilder(typeName.substring(typeName.lastIndexOf('.') + 1))
                .append('[').append(length).append(']')
                .append("[]".repeat(dimensions - 1))
                .append(" { ");
        for (int i = 0; i < length; i++) {
            text.append(of(Array.get(array, i)));
            if (i < length - 1) {
                text.append(", ");
            }
        }
        return text.append(" }").toString();
    }
}

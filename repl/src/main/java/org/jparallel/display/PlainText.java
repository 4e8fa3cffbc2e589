package org.jparallel.display;

import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jparallel.repl.SnippetNames;

/**
 * The {@code text/plain} of a value, written the way JShell writes a snippet's value
 * ({@code "a\"b"}, {@code 'c'}, {@code int[3] { 1, 2, 3 }}), so that {@code display(x)} and a
 * cell ending in {@code x} read the same. Mirrors JDK 17's
 * {@code jdk.jshell.execution.DirectExecutionControl.valueString}, which is not public.
 *
 * <p>Where JShell shows the JDK's own collections, maps and optionals by their {@code toString}, arrays in them
 * show as arrays do ({@code [int[2] { 1, 2 }]}), not as {@code [[I@32cc74de]}: a {@code pullSync} of an array
 * variable gives a list of arrays, one per engine.
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
        if (isJdkContainer(value)) {
            return container(value, Collections.newSetFromMap(new IdentityHashMap<>()));
        }
        String text = value.toString();
        // null as String.valueOf prints such a value inside a list; Object's own toString names a cell's class
        // as JShell compiled it (REPL.$JShell$59$Pub@1b2c), which says Pub@1b2c to the user.
        return text == null ? "null" : withoutLoneSurrogates(SnippetNames.readable(text));
    }

    private static boolean isJdkContainer(Object value) {
        return (value instanceof Collection<?> || value instanceof Map<?, ?> || value instanceof Optional<?>)
                && value.getClass().getName().startsWith("java.");
    }

    /** As the container's own toString writes it, with {@link #element} for what it holds. */
    private static String container(Object value, Set<Object> open) {
        open.add(value);
        try {
            if (value instanceof Optional<?> optional) {
                return optional.isEmpty() ? "Optional.empty" : "Optional[" + element(optional.get(), open) + "]";
            }
            StringBuilder text = new StringBuilder();
            if (value instanceof Map<?, ?> map) {
                text.append('{');
                for (Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator(); entries.hasNext(); ) {
                    Map.Entry<?, ?> entry = entries.next();
                    text.append(entry.getKey() == map ? "(this Map)" : element(entry.getKey(), open)).append('=')
                            .append(entry.getValue() == map ? "(this Map)" : element(entry.getValue(), open));
                    text.append(entries.hasNext() ? ", " : "");
                }
                return text.append('}').toString();
            }
            text.append('[');
            Collection<?> collection = (Collection<?>) value;
            for (Iterator<?> items = collection.iterator(); items.hasNext(); ) {
                Object item = items.next();
                text.append(item == collection ? "(this Collection)" : element(item, open));
                text.append(items.hasNext() ? ", " : "");
            }
            return text.append(']').toString();
        } finally {
            open.remove(value);
        }
    }

    private static String element(Object item, Set<Object> open) {
        if (item != null && item.getClass().isArray()) {
            return array(item);
        }
        if (isJdkContainer(item) && !open.contains(item)) {
            return container(item, open);
        }
        return withoutLoneSurrogates(SnippetNames.readable(String.valueOf(item)));
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
                    : codePoint <= 0xFFFF && Character.isSurrogate((char) codePoint) ? surrogateEscape(codePoint)
                    : Character.toString(codePoint);
        };
    }

    /**
     * A lone surrogate (half of an emoji cut by {@code substring}) as Java writes it, {@code \uD83D}: it has no UTF-8
     * form, and a notebook holding one cannot be saved.
     */
    private static String surrogateEscape(int codePoint) {
        return String.format("\\u%04X", codePoint);
    }

    /** Text with its lone surrogates escaped, pairs kept. */
    private static String withoutLoneSurrogates(String text) {
        if (text.chars().noneMatch(c -> Character.isSurrogate((char) c))) {
            return text;
        }
        StringBuilder kept = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(cp -> kept.append(Character.isSurrogate((char) cp) && cp <= 0xFFFF
                ? surrogateEscape(cp) : Character.toString(cp)));
        return kept.toString();
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
        String typeName = SnippetNames.readable(element.getTypeName()); // a cell's Walker, not $JShell$33$Walker
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

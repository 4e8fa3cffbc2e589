package org.jparallel.magic.builtin;

import java.lang.reflect.Array;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jparallel.magic.Magic;
import org.jparallel.magic.MagicCall;
import org.jparallel.magic.MagicContext;
import org.jparallel.magic.MagicKind;
import org.jparallel.magic.MagicUsageException;
import org.jparallel.repl.CellOutcome;
import org.jparallel.repl.SessionVariable;
import org.jparallel.repl.SnippetNames;

/**
 * IPython's {@code %who} (the names of the session's variables) and {@code %whos} (a table of names, types and
 * values), JShell's {@code /vars}. {@code %px %whos} shows each engine's.
 *
 * <pre>{@code
 * %whos
 * Variable   Type           Data/Info
 * ------------------------------------
 * n          int            3
 * xs         double[]       length 1000000
 * }</pre>
 */
public final class VariablesMagic implements Magic {
    private static final int VALUE_WIDTH = 60;

    private final boolean table;
    private final Set<String> hidden;

    private VariablesMagic(boolean table, Set<String> hidden) {
        this.table = table;
        this.hidden = Set.copyOf(hidden);
    }

    /**
     * {@code %who}.
     *
     * @param hidden variables the session defines for itself ({@code Out}), which it does not list;
     *               names beginning with {@code $} (JShell's and the kernel's own) never show
     */
    public static VariablesMagic who(Set<String> hidden) {
        return new VariablesMagic(false, hidden);
    }

    /** {@code %whos}; see {@link #who(Set)}. */
    public static VariablesMagic whos(Set<String> hidden) {
        return new VariablesMagic(true, hidden);
    }

    @Override
    public String name() {
        return table ? "whos" : "who";
    }

    @Override
    public Set<MagicKind> kinds() {
        return Set.of(MagicKind.LINE);
    }

    @Override
    public String usage() {
        return table ? """
                %whos [TYPE...]
                    A table of the session's variables: name, type, and the value (a summary of arrays
                    and collections); with types (int, String, List), those of these types only.
                    %px %whos shows each engine's."""
                : """
                %who [TYPE...]
                    The names of the session's variables; with types (int, String, List), those of these
                    types only. %whos shows their types and values too.""";
    }

    @Override
    public CellOutcome run(MagicCall call, MagicContext context) throws MagicUsageException {
        // As IPython's %who int str: only variables of these types, by the type's name as declared or its simple name
        Set<String> types = call.arguments().isBlank() ? Set.of() : Set.of(call.arguments().strip().split("[\\s,]+"));
        List<SessionVariable> variables = context.session().variables().stream()
                .filter(v -> !v.name().startsWith("$") && !hidden.contains(v.name()))
                .filter(v -> types.isEmpty() || types.contains(v.type()) || types.contains(simpleName(v.type())))
                .toList();
        if (variables.isEmpty()) {
            System.out.println("No variables yet.");
        } else if (table) {
            System.out.print(table(variables));
        } else {
            System.out.println(String.join("  ", variables.stream().map(SessionVariable::name).toList()));
        }
        return CellOutcome.nothing();
    }

    /** {@code List} for {@code java.util.List<String>}. */
    private static String simpleName(String type) {
        String raw = type.contains("<") ? type.substring(0, type.indexOf('<')) : type;
        return raw.substring(raw.lastIndexOf('.') + 1);
    }

    private static String table(List<SessionVariable> variables) {
        int nameWidth = Math.max("Variable".length(), variables.stream().mapToInt(v -> v.name().length()).max().orElse(0));
        int typeWidth = Math.max("Type".length(), variables.stream().mapToInt(v -> v.type().length()).max().orElse(0));
        String row = "%-" + nameWidth + "s   %-" + typeWidth + "s   %s%n";
        StringBuilder text = new StringBuilder(String.format(row, "Variable", "Type", "Data/Info"));
        text.append("-".repeat(nameWidth + typeWidth + 6 + "Data/Info".length())).append('\n');
        for (SessionVariable variable : variables) {
            text.append(String.format(row, variable.name(), variable.type(), summary(variable.value())));
        }
        return text.toString();
    }

    /** The value as one short line: arrays and collections by their size, the rest by toString, cut short. */
    static String summary(Object value) {
        if (value == null) {
            return "null";
        }
        String text;
        if (value.getClass().isArray()) {
            text = "length " + Array.getLength(value);
        } else if (value instanceof Collection<?> collection) {
            text = "size " + collection.size() + ": " + firstElements(collection, "[", "]");
        } else if (value instanceof Map<?, ?> map) {
            text = "size " + map.size() + ": " + firstElements(map.entrySet(), "{", "}");
        } else {
            text = safeToString(value);
        }
        text = text.replace('\n', ' ');
        return text.length() <= VALUE_WIDTH ? text : text.substring(0, VALUE_WIDTH - 1) + "…";
    }

    /** As the collection's toString, from as many elements as the line has room for: a big one is not printed whole. */
    private static String firstElements(Collection<?> elements, String open, String close) {
        StringBuilder text = new StringBuilder(open);
        try {
            for (Object element : elements) {
                if (text.length() > VALUE_WIDTH) {
                    return text.append("…").toString();
                }
                text.append(text.length() > open.length() ? ", " : "").append(safeToString(element));
            }
        } catch (RuntimeException e) { // a collection changing under another thread, say
            return text.append("…").toString();
        }
        return text.append(close).toString();
    }

    /** The value's toString, a cell class's name in it as the cell wrote it ({@code Walker@1b2c}), as jshell shows it. */
    private static String safeToString(Object value) {
        try {
            return SnippetNames.readable(String.valueOf(value));
        } catch (RuntimeException e) {
            return "<toString threw " + e.getClass().getSimpleName() + ">";
        }
    }
}

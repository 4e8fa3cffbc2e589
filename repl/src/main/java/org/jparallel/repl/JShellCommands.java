package org.jparallel.repl;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jdk.jshell.ImportSnippet;
import jdk.jshell.JShell;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.VarSnippet;

/**
 * The jshell tool's commands that list a session's declarations, for cells that are one of them ({@code /vars}):
 * a JShell user types them out of habit, and they are no Java. Printed as the tool prints them, for the cells'
 * own snippets (not the session's startup, nor the kernel's variables).
 */
enum JShellCommands {
    IMPORTS, VARS, METHODS, TYPES, LIST;

    private static final Pattern COMMAND = Pattern.compile("/(imports|vars|methods|types|list)");
    private static final Pattern TEMPORARY = Pattern.compile("\\$\\d+");
    private static final int VALUE_CHARS = 80;

    /** The command a cell is, if it is one (alone on its line, nothing after it). */
    static Optional<JShellCommands> command(String cell) {
        Matcher matcher = COMMAND.matcher(cell.strip());
        return matcher.matches() ? Optional.of(valueOf(matcher.group(1).toUpperCase(Locale.ROOT))) : Optional.empty();
    }

    /** What the command prints; called holding the session's shell. */
    String list(JShell shell, SnippetOrigins origins, Variables variables) {
        List<String> lines = switch (this) {
            case IMPORTS -> own(shell, shell.imports(), origins).map(i -> "|    " + source(i)).toList();
            case VARS -> own(shell, shell.variables(), origins).filter(v -> !kernels(v))
                    .map(v -> "|    " + v.typeName() + " " + v.name() + " = " + (shell.status(v) == Snippet.Status.VALID
                            ? value(variables.read(v)) : "(not-active)")) // its type changed under it, as jshell says
                    .toList();
            case METHODS -> own(shell, shell.methods(), origins).map(m -> "|    " + signature(m)).toList();
            case TYPES -> own(shell, shell.types(), origins).map(t -> "|    " + kind(t) + " " + t.name()).toList();
            case LIST -> own(shell, shell.snippets(), origins).filter(s -> !(s instanceof VarSnippet v && kernels(v)))
                    .map(s -> String.format(Locale.ROOT, "%4s : %s", s.id(),
                    s.source().strip().replace("\n", "\n       "))).toList();
        };
        return lines.isEmpty() ? "|    (none)\n" : String.join("\n", lines) + "\n";
    }

    /**
     * The kernel's own variables: {@code $display} and the like, and {@code Out} (IPython's %who leaves it out); not
     * JShell's {@code $1}, {@code $2}, which hold the values of expression cells and which its tool lists.
     */
    private static boolean kernels(VarSnippet variable) {
        String name = variable.name();
        return name.startsWith("$") && !TEMPORARY.matcher(name).matches() || name.equals("Out") || name.equals("In");
    }

    private static <S extends Snippet> Stream<S> own(JShell shell, Stream<S> snippets, SnippetOrigins origins) {
        return snippets.filter(s -> shell.status(s).isActive()
                && !origins.from(s.id(), JavaSession.STARTUP_CELL_NAME));
    }

    private static String source(ImportSnippet snippet) {
        String source = snippet.source().strip();
        return source.endsWith(";") ? source.substring(0, source.length() - 1) : source;
    }

    /** {@code int scale(int, double)}, from JShell's {@code (int,double)int}. */
    private static String signature(MethodSnippet method) {
        String signature = method.signature();
        int close = signature.lastIndexOf(')');
        return signature.substring(close + 1) + " " + method.name() + "("
                + signature.substring(1, close).replace(",", ", ") + ")";
    }

    private static String kind(TypeDeclSnippet type) {
        return switch (type.subKind()) {
            case INTERFACE_SUBKIND -> "interface";
            case ENUM_SUBKIND -> "enum";
            case ANNOTATION_TYPE_SUBKIND -> "@interface";
            case RECORD_SUBKIND -> "record";
            default -> "class";
        };
    }

    private static String value(Object value) {
        String text;
        try {
            // a cell class's name as the cell wrote it (Walker@1b2c), as the jshell tool shows it
            text = value instanceof String s ? '"' + s + '"' : SnippetNames.readable(String.valueOf(value));
        } catch (RuntimeException e) {
            return "<toString threw " + e.getClass().getSimpleName() + ">";
        }
        if (text == null) {
            return "null"; // a toString that returns null, as JShell shows it
        }
        return text.length() > VALUE_CHARS ? text.substring(0, VALUE_CHARS) + "…" : text;
    }
}

package org.jparallel.repl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jparallel.repl.SourceTokens.Kind;
import org.jparallel.repl.SourceTokens.Token;

/**
 * Replaces {@code _}, {@code __} and {@code ___} where they are used as values by the JShell
 * variables of the last displayed values. {@code _} is a keyword, so JShell could not
 * compile it; replacing the name by the variable (rather than declaring a copy) costs no
 * evaluation and keeps the value's static type, so its methods compile.
 * A {@code _} that declares something (JDK 22+ unnamed variables: {@code catch (E _)},
 * {@code _ ->}, {@code case P(_, var y)}) is left alone.
 */
final class HistoryNames {

    /** Stands for {@code _} while nothing was displayed, so that completion and parsing still work. */
    static final String UNBOUND = "$nothingDisplayed";

    private static final List<String> NAMES = List.of("_", "__", "___");
    private static final Set<String> PRIMITIVE_TYPES =
            Set.of("boolean", "byte", "char", "short", "int", "long", "float", "double", "var");
    // Words after which a name is a value, not a declared variable.
    private static final Set<String> KEYWORDS = Set.of(
            "abstract", "assert", "break", "case", "catch", "class", "const", "continue", "default", "do",
            "else", "enum", "extends", "final", "finally", "for", "goto", "if", "implements", "import",
            "instanceof", "interface", "native", "new", "package", "private", "protected", "public",
            "return", "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws",
            "transient", "try", "void", "volatile", "while", "true", "false", "null", "yield", "when");

    private HistoryNames() {
    }

    static RewrittenCell rewrite(String cell, DisplayHistory history) {
        if (!cell.contains("_")) {
            return RewrittenCell.unchanged(cell);
        }
        List<Token> tokens = SourceTokens.of(cell);
        Groups groups = Groups.of(tokens);
        StringBuilder text = new StringBuilder(cell.length() + 16);
        List<RewrittenCell.Edit> edits = new ArrayList<>();
        int copied = 0;
        int unboundAt = -1;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            int age = token.kind() == Kind.WORD ? NAMES.indexOf(token.text()) : -1;
            if (age < 0 || isMemberName(tokens, i) || declares(tokens, groups, i)) {
                continue;
            }
            Optional<String> variable = history.variable(age);
            if (variable.isEmpty() && age > 0) {
                continue; // __ and ___ are legal names: without history they may be the user's own
            }
            if (variable.isEmpty() && unboundAt < 0) {
                unboundAt = token.start();
            }
            String replacement = variable.orElse(UNBOUND);
            text.append(cell, copied, token.start()).append(replacement);
            copied = token.end();
            edits.add(new RewrittenCell.Edit(token.start(), token.text().length(), replacement.length()));
        }
        if (edits.isEmpty()) {
            return RewrittenCell.unchanged(cell);
        }
        text.append(cell, copied, cell.length());
        return new RewrittenCell(cell, text.toString(), edits, unboundAt);
    }

    private static boolean isMemberName(List<Token> tokens, int i) {
        return i > 0 && (tokens.get(i - 1).is(".") || tokens.get(i - 1).is("::"));
    }

    private static boolean declares(List<Token> tokens, Groups groups, int i) {
        Token next = at(tokens, i + 1);
        if (next != null && next.is("->")) {
            return true;
        }
        Token previous = at(tokens, i - 1);
        if (previous == null) {
            return false;
        }
        if (previous.kind() == Kind.WORD) {
            return PRIMITIVE_TYPES.contains(previous.text()) || !KEYWORDS.contains(previous.text());
        }
        if (previous.is("]")) {
            return true;
        }
        if (previous.is(">")) {
            // List<String> _ = ..., for (Map<K, V> _ : maps); not a comparison x > _
            return next != null && (next.is("=") || next.is(":"));
        }
        if (previous.is("(") || previous.is(",")) {
            int group = groups.enclosing(i);
            return group >= 0 && tokens.get(group).is("(")
                    && (isFollowedByArrow(tokens, groups.close(group)) || groups.isPattern(tokens, group));
        }
        return false;
    }

    private static boolean isFollowedByArrow(List<Token> tokens, int close) {
        Token after = close < 0 ? null : at(tokens, close + 1);
        return after != null && after.is("->");
    }

    private static Token at(List<Token> tokens, int i) {
        return i >= 0 && i < tokens.size() ? tokens.get(i) : null;
    }

    /** Which bracket encloses each token, and where each bracket closes. */
    private record Groups(int[] enclosing, int[] close) {

        static Groups of(List<Token> tokens) {
            int[] enclosing = new int[tokens.size()];
            int[] close = new int[tokens.size()];
            java.util.Arrays.fill(close, -1);
            Deque<Integer> open = new ArrayDeque<>();
            for (int i = 0; i < tokens.size(); i++) {
                Token t = tokens.get(i);
                boolean closing = t.is(")") || t.is("]") || t.is("}");
                if (closing && !open.isEmpty()) {
                    close[open.pop()] = i;
                }
                enclosing[i] = open.isEmpty() ? -1 : open.peek();
                if (t.is("(") || t.is("[") || t.is("{")) {
                    open.push(i);
                }
            }
            return new Groups(enclosing, close);
        }

        int enclosing(int i) {
            return enclosing[i];
        }

        int close(int open) {
            return close[open];
        }

        /** {@code case Point(}, {@code instanceof Point(}, or a record pattern nested in one. */
        boolean isPattern(List<Token> tokens, int open) {
            int j = open - 1;
            if (j < 0 || tokens.get(j).kind() != Kind.WORD) {
                return false;
            }
            while (j >= 2 && tokens.get(j - 1).is(".") && tokens.get(j - 2).kind() == Kind.WORD) {
                j -= 2;
            }
            Token before = at(tokens, j - 1);
            if (before == null) {
                return false;
            }
            if (before.is("case") || before.is("instanceof")) {
                return true;
            }
            int outer = enclosing[j];
            return (before.is("(") || before.is(",")) && outer >= 0 && tokens.get(outer).is("(")
                    && isPattern(tokens, outer);
        }
    }
}

package org.jparallel.magic;

import java.util.regex.Pattern;

/**
 * Which lines of a cell may hold magics: those that start in Java code, not inside a block comment or a text block.
 * A line magic is such a line that starts with {@code %name} (or {@code %%name}, misplaced): a commented-out
 * {@code %sh rm …} must not run, a text block's {@code %s scored %d points} is a format, and {@code % 3;} goes on
 * an expression.
 *
 * <pre>{@code
 * boolean[] code = MagicLines.startInCode(lines);
 * boolean magic = code[i] && MagicLines.isMagic(lines[i]);
 * }</pre>
 */
final class MagicLines {
    private static final Pattern MAGIC = Pattern.compile("^%%?[A-Za-z_]");

    private enum State { CODE, BLOCK_COMMENT, TEXT_BLOCK }

    private MagicLines() {
    }

    /** For each line, whether it starts in Java code (a magic line leaves the state as it was). */
    static boolean[] startInCode(String[] lines) {
        boolean[] code = new boolean[lines.length];
        State state = State.CODE;
        for (int i = 0; i < lines.length; i++) {
            code[i] = state == State.CODE;
            if (!(code[i] && isMagic(lines[i]))) {
                state = after(lines[i], state);
            }
        }
        return code;
    }

    /** Whether a line that starts in code is a line magic (or a misplaced cell magic, which the runner reports). */
    static boolean isMagic(String line) {
        return MAGIC.matcher(line).lookingAt();
    }

    /** The state at the end of {@code line}, begun in {@code state}: strings and line comments end with it. */
    private static State after(String line, State state) {
        int i = 0;
        int n = line.length();
        while (i < n) {
            switch (state) {
                case BLOCK_COMMENT -> {
                    int end = line.indexOf("*/", i);
                    if (end < 0) {
                        return state;
                    }
                    i = end + 2;
                    state = State.CODE;
                }
                case TEXT_BLOCK -> {
                    int end = closingQuotes(line, i);
                    if (end < 0) {
                        return state;
                    }
                    i = end + 3;
                    state = State.CODE;
                }
                case CODE -> {
                    char c = line.charAt(i);
                    if (line.startsWith("//", i)) {
                        return state;
                    } else if (line.startsWith("/*", i)) {
                        state = State.BLOCK_COMMENT;
                        i += 2;
                    } else if (line.startsWith("\"\"\"", i)) {
                        state = State.TEXT_BLOCK;
                        i += 3;
                    } else if (c == '"' || c == '\'') {
                        i = endOfLiteral(line, i + 1, c);
                    } else {
                        i++;
                    }
                }
            }
        }
        return state;
    }

    /** Where a text block's closing {@code """} starts, from {@code from}; -1 if not on this line. */
    private static int closingQuotes(String line, int from) {
        for (int i = from; i < line.length(); i++) {
            if (line.charAt(i) == '\\') {
                i++; // an escaped character, \" included
            } else if (line.startsWith("\"\"\"", i)) {
                return i;
            }
        }
        return -1;
    }

    /** Just past the quote that closes a string or char literal opened before {@code from}, or the line's end. */
    private static int endOfLiteral(String line, int from, char quote) {
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i + 1;
            }
        }
        return line.length();
    }
}

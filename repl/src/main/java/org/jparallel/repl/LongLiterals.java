package org.jparallel.repl;

/**
 * Finds a string literal or text block longer than a class file can hold (65,535 bytes of modified UTF-8). javac
 * refuses it late ("constant string too long"), and JShell then keeps failing every later snippet of the session,
 * even after the snippet is dropped: such a cell must not reach JShell.
 *
 * <pre>{@code
 * int at = LongLiterals.find(cellText);   // -1, or where the literal starts
 * }</pre>
 */
final class LongLiterals {
    static final int MAX_BYTES = 65_535;

    private LongLiterals() {
    }

    /** Where the first literal too long for a class file starts, or -1. Comments are skipped. */
    static int find(String code) {
        for (SourceTokens.Token token : SourceTokens.of(code)) {
            String text = token.text();
            if (token.kind() == SourceTokens.Kind.LITERAL && text.startsWith("\"")) {
                int quotes = text.startsWith("\"\"\"") ? 3 : 1;
                int end = text.length() >= 2 * quotes && text.endsWith("\"".repeat(quotes))
                        ? text.length() - quotes : text.length();
                if (bytes(text.substring(quotes, end)) > MAX_BYTES) {
                    return token.start();
                }
            }
        }
        return -1;
    }

    /** The bytes of a literal's characters in the class file, escapes as what they stand for. */
    private static long bytes(String literal) {
        long bytes = 0;
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c == '\\') {
                i = endOfEscape(literal, i + 1) - 1;
                bytes++; // one character (a \\u one up to three bytes: counted as one, to be safe)
            } else {
                bytes += c != 0 && c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            }
        }
        return bytes;
    }

    /** Just past an escape whose backslash is before {@code i}: {@code \\uuu00e9} is one. */
    private static int endOfEscape(String code, int i) {
        if (i < code.length() && code.charAt(i) == 'u') {
            while (i < code.length() && code.charAt(i) == 'u') {
                i++;
            }
            return Math.min(code.length(), i + 4);
        }
        return i + 1;
    }
}

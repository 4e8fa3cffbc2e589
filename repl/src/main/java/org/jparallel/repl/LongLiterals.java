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
        int n = code.length();
        int i = 0;
        while (i < n) {
            char c = code.charAt(i);
            if (code.startsWith("//", i)) {
                int end = code.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (code.startsWith("/*", i)) {
                int end = code.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (code.startsWith("\"\"\"", i) || c == '"' || c == '\'') {
                boolean textBlock = c == '"' && code.startsWith("\"\"\"", i);
                int start = i;
                long bytes = 0;
                i += textBlock ? 3 : 1;
                while (i < n && !(textBlock ? code.startsWith("\"\"\"", i) : code.charAt(i) == c || code.charAt(i) == '\n')) {
                    if (code.charAt(i) == '\\') {
                        i = endOfEscape(code, i + 1);
                        bytes++; // one character (a \\u one up to three bytes: counted as one, to be safe)
                        continue;
                    }
                    char d = code.charAt(i++);
                    bytes += d != 0 && d < 0x80 ? 1 : d < 0x800 ? 2 : 3;
                }
                if (bytes > MAX_BYTES) {
                    return start;
                }
                i += textBlock ? 3 : 1;
            } else {
                i++;
            }
        }
        return -1;
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

package org.jparallel.repl;

import java.util.ArrayList;
import java.util.List;

/**
 * The tokens of Java source that matter to the session: words, symbols and literals, with
 * comments and whitespace left out. Enough to tell where a name stands and how deep braces
 * nest; not a full lexer (numbers and unclosed literals are read loosely).
 */
final class SourceTokens {

    enum Kind { WORD, SYMBOL, LITERAL }

    record Token(Kind kind, String text, int start) {
        int end() {
            return start + text.length();
        }

        boolean is(String symbolOrWord) {
            return kind != Kind.LITERAL && text.equals(symbolOrWord);
        }
    }

    private SourceTokens() {
    }

    static List<Token> of(String source) {
        List<Token> tokens = new ArrayList<>();
        int n = source.length();
        int i = 0;
        while (i < n) {
            char c = source.charAt(i);
            int start = i;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (source.startsWith("//", i)) {
                i = indexOrEnd(source, "\n", i);
            } else if (source.startsWith("/*", i)) {
                i = Math.min(n, indexOrEnd(source, "*/", i + 2) + 2);
            } else if (source.startsWith("\"\"\"", i)) {
                i = endOfTextBlock(source, i + 3);
                tokens.add(new Token(Kind.LITERAL, source.substring(start, i), start));
            } else if (c == '"' || c == '\'') {
                i = endOfQuoted(source, i + 1, c);
                tokens.add(new Token(Kind.LITERAL, source.substring(start, i), start));
            } else if (Character.isJavaIdentifierStart(c)) {
                do {
                    i++;
                } while (i < n && Character.isJavaIdentifierPart(source.charAt(i)));
                tokens.add(new Token(Kind.WORD, source.substring(start, i), start));
            } else if (Character.isDigit(c)) {
                do {
                    i++;
                } while (i < n && (Character.isJavaIdentifierPart(source.charAt(i)) || source.charAt(i) == '.'));
                tokens.add(new Token(Kind.LITERAL, source.substring(start, i), start));
            } else {
                i += source.startsWith("->", i) || source.startsWith("::", i) ? 2 : 1;
                tokens.add(new Token(Kind.SYMBOL, source.substring(start, i), start));
            }
        }
        return tokens;
    }

    private static int indexOrEnd(String source, String what, int from) {
        int at = source.indexOf(what, from);
        return at < 0 ? source.length() : at;
    }

    private static int endOfQuoted(String source, int i, char quote) {
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote || c == '\n') {
                return i + 1;
            } else {
                i++;
            }
        }
        return source.length();
    }

    private static int endOfTextBlock(String source, int i) {
        while (i < source.length()) {
            if (source.charAt(i) == '\\') {
                i += 2;
            } else if (source.startsWith("\"\"\"", i)) {
                return i + 3;
            } else {
                i++;
            }
        }
        return source.length();
    }
}

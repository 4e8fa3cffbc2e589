package org.jparallel.magic;

import java.util.ArrayList;
import java.util.List;

/**
 * Words written as one string, as a shell splits them: JVM options as {@code --engine-jvm-options "-Xmx2g
 * -Dname='a b'"} takes them, and back (the launcher passes engine options to the controller's command line in one
 * argument); and the arguments of magics ({@code %jars "/opt/my libs/a.jar"}).
 *
 * <pre>{@code
 * OptionWords.split("-Xmx2g -Dname='a b'");      // [-Xmx2g, -Dname=a b]
 * OptionWords.join(List.of("-Dname=a b"));       // '-Dname=a b'
 * }</pre>
 */
public final class OptionWords {
    private OptionWords() {
    }

    /**
     * {@code line} without a trailing Java comment: from a {@code //} that starts a word (at the start, or after
     * whitespace) outside quotes. A magic's line takes a comment as a cell's code does:
     * {@code %cluster start -n 4   // four engines}.
     */
    public static String withoutComment(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '/' && line.startsWith("//", i) && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i).stripTrailing();
            }
        }
        return line;
    }

    /**
     * Splits options given as one string, as a shell would for these: on whitespace, keeping what double or
     * single quotes enclose together ({@code -Dname="a b"} is one option).
     *
     * @throws IllegalArgumentException for a quote left open
     */
    public static List<String> split(String options) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (char c : options.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("a quote (" + quote + ") is not closed in: " + options);
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** Options as one string that {@link #split} splits back into the same list. */
    public static String join(List<String> options) {
        List<String> words = new ArrayList<>();
        for (String option : options) {
            boolean plain = !option.isEmpty() && option.chars().noneMatch(c -> Character.isWhitespace(c) || c == '"' || c == '\'');
            if (plain) {
                words.add(option);
            } else if (option.indexOf('\'') < 0) {
                words.add("'" + option + "'");
            } else if (option.indexOf('"') < 0) {
                words.add('"' + option + '"');
            } else {
                throw new IllegalArgumentException("an option cannot hold both kinds of quote: " + option);
            }
        }
        return String.join(" ", words);
    }
}

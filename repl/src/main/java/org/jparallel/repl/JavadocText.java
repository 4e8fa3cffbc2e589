package org.jparallel.repl;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Javadoc comment text (HTML and inline tags) made into plain text for a notebook's help pane. */
final class JavadocText {

    private static final Pattern INLINE_TAG = Pattern.compile("\\{@(\\w+)\\s*([^{}]*(?:\\{[^{}]*}[^{}]*)*)}");
    private static final Pattern PARAGRAPH = Pattern.compile("(?i)\\s*<(p|/p|br|/?ul|/?ol|/?pre|/?blockquote)\\s*/?>\\s*");
    private static final Pattern LIST_ITEM = Pattern.compile("(?i)\\s*<li>\\s*");
    /** HTML tags; not a type parameter a {@code @param <E>} names (single letters that are no HTML tag). */
    private static final Pattern TAG = Pattern.compile("<(?![C-HJ-OR-TV-Z]>)[^>]+>");
    private static final Pattern BLANK_LINES = Pattern.compile("\n{3,}");

    private JavadocText() {
    }

    static String plain(String javadoc) {
        String text = javadoc.lines().map(JavadocText::withoutMargin).reduce((a, b) -> a + "\n" + b).orElse("");
        text = replaceInlineTags(text);
        text = PARAGRAPH.matcher(text).replaceAll("\n\n");
        text = LIST_ITEM.matcher(text).replaceAll("\n - ");
        text = TAG.matcher(text).replaceAll("");
        text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&nbsp;", " ").replace("&#64;", "@").replace("&amp;", "&");
        return BLANK_LINES.matcher(text).replaceAll("\n\n").strip();
    }

    private static String withoutMargin(String line) {
        return line.startsWith(" ") ? line.substring(1) : line;
    }

    private static String replaceInlineTags(String text) {
        Matcher m = INLINE_TAG.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(inline(m.group(1), m.group(2).strip())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String inline(String tag, String body) {
        return switch (tag) {
            case "link", "linkplain" -> {
                int end = referenceEnd(body);
                String label = body.substring(end).strip();
                String target = body.substring(0, end);
                yield label.isEmpty() ? target.replaceFirst("^#", "").replace('#', '.') : label;
            }
            case "inheritDoc" -> "";
            default -> body; // code, literal, value, summary, ...
        };
    }

    /**
     * Where a link's reference ends: at the first space or line break outside its parameter list
     * ({@code List#subList(int, int) subList}), since a label may follow on the next line.
     */
    private static int referenceEnd(String body) {
        int depth = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && Character.isWhitespace(c)) {
                return i;
            }
        }
        return body.length();
    }
}

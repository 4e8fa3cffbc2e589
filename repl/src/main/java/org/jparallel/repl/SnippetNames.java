package org.jparallel.repl;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names cells give the classes JShell compiles their declarations to, whichever session compiled them.
 *
 * <pre>{@code
 * SnippetNames.declaredName("REPL.$JShell$11$Point");        // Optional[Point]
 * SnippetNames.declaredName("REPL.$JShell$11$Outer$Inner");  // Optional[Outer.Inner]
 * SnippetNames.declaredName("REPL.$JShell$35");              // empty: the wrapper of a snippet
 * SnippetNames.isWrapper("REPL.$JShell$35");                 // true: it holds the cells' variables
 * SnippetNames.readable("REPL.$JShell$36$MyErr: boom");      // "MyErr: boom"
 * SnippetNames.readable("\"REPL.$JShell$48.o\" is null");   // "\"o\" is null"
 * }</pre>
 */
public final class SnippetNames {
    private static final Pattern DECLARED = Pattern.compile("REPL\\.\\$JShell\\$\\w+\\$([^$]+(?:\\$[^$]+)*)");
    private static final Pattern WRAPPER = Pattern.compile("REPL\\.\\$JShell\\$\\w+");
    private static final Pattern DECLARED_IN_TEXT = Pattern.compile(
            "REPL\\.\\$JShell\\$\\w+\\$([\\p{javaJavaIdentifierStart}&&[^$]]\\p{javaJavaIdentifierPart}*)");
    /** A variable of a wrapper, as a helpful NullPointerException names a cell's: REPL.$JShell$48.o (not a method). */
    private static final Pattern WRAPPER_MEMBER_IN_TEXT = Pattern.compile(
            "REPL\\.\\$JShell\\$\\w+\\.(?=[\\p{javaJavaIdentifierStart}&&[^$]]\\p{javaJavaIdentifierPart}*+(?!\\())");

    private SnippetNames() {
    }

    /** The name of a type cells declared, as cells write it; empty for wrappers and for classes not of cells. */
    public static Optional<String> declaredName(String binaryName) {
        Matcher snippet = DECLARED.matcher(binaryName);
        return snippet.matches() ? Optional.of(snippet.group(1).replace('$', '.')) : Optional.empty();
    }

    /** Whether the class is a snippet's wrapper, whose static fields are the cells' variables. */
    public static boolean isWrapper(String binaryName) {
        return WRAPPER.matcher(binaryName).matches();
    }

    /**
     * The text with every declared type's binary name written as cells write it: what users read in an
     * exception's class and message, where JShell's names ({@code REPL.$JShell$36$MyErr}) say nothing to them.
     */
    public static String readable(String text) {
        if (text == null || !text.contains("REPL.$JShell$")) {
            return text;
        }
        String declared = DECLARED_IN_TEXT.matcher(text)
                .replaceAll(m -> Matcher.quoteReplacement(m.group(1).replace('$', '.')));
        return WRAPPER_MEMBER_IN_TEXT.matcher(declared).replaceAll("");
    }
}

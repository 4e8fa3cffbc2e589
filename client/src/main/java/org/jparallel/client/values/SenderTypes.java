package org.jparallel.client.values;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jparallel.repl.DeclaredTypes;
import org.jparallel.repl.SnippetNames;

/**
 * The types a sender's cells declared, as far as a receiver has their classes: those shipped to the loader of a
 * function the sender sent. An engine variable handed to that function ({@code Reference.to("pts")}) is converted to
 * them, since the function's code names the sender's {@code Pt}, not the engine's.
 */
final class SenderTypes implements DeclaredTypes {
    /** JShell's wrapper of a snippet: its key's index, then letters that count its redeclarations. */
    private static final Pattern SNIPPET_VERSION = Pattern.compile("REPL\\.\\$JShell\\$(\\d+)([A-Z]*)\\$");
    private static final Comparator<String> LATER = Comparator.comparingLong(SenderTypes::index)
            .thenComparingInt(name -> letters(name).length()).thenComparing(SenderTypes::letters);

    private final ShippedClassLoader loader;

    private SenderTypes(ShippedClassLoader loader) {
        this.loader = loader;
    }

    /** The sender's types for a decoded function; none for a function of this JVM's own classes. */
    static DeclaredTypes of(Object function) {
        return function != null && function.getClass().getClassLoader() instanceof ShippedClassLoader shipped
                ? new SenderTypes(shipped) : DeclaredTypes.NONE;
    }

    @Override
    public Optional<Class<?>> declared(String name) {
        // A name declared again in the sender's session is a later snippet: the latest is the one its code uses now.
        return loader.classes().keySet().stream()
                .filter(binaryName -> SnippetNames.declaredName(binaryName).filter(name::equals).isPresent())
                .max(LATER)
                .flatMap(this::load);
    }

    private Optional<Class<?>> load(String binaryName) {
        try {
            return Optional.of(Class.forName(binaryName, false, loader));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    private static long index(String binaryName) {
        Matcher version = SNIPPET_VERSION.matcher(binaryName);
        return version.lookingAt() ? Long.parseLong(version.group(1)) : -1;
    }

    private static String letters(String binaryName) {
        Matcher version = SNIPPET_VERSION.matcher(binaryName);
        return version.lookingAt() ? version.group(2) : "";
    }
}

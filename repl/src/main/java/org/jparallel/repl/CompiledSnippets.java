package org.jparallel.repl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jdk.jshell.Snippet;
import jdk.jshell.Snippet.Status;
import jdk.jshell.SnippetEvent;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * Statements and expressions already compiled in this session, by their source text, so that
 * the same text run again skips javac: {@code JShell.eval} costs milliseconds of compilation,
 * calling the wrapper class it compiled costs microseconds. A loop of {@code %px} cells, an
 * engine executing the same line again, a notebook re-run: all repeat text.
 *
 * <p>A compiled wrapper binds names as they were declared when it was compiled, so any
 * declaration (variable, method, type, import) forgets everything: after it, the same text may
 * mean something else. The temporary variable of an expression ({@code $3}) is not such a
 * declaration: no other snippet can name a variable that did not exist when it was compiled.
 */
final class CompiledSnippets {

    /** A snippet whose wrapper class can be run again; {@code wrapperClass} is its binary name. */
    record Compiled(Snippet snippet, String wrapperClass) {
    }

    private static final int CAPACITY = 512;

    private final Map<String, Compiled> bySource = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Compiled> eldest) {
            return size() > CAPACITY;
        }
    };

    Optional<Compiled> find(String source) {
        return Optional.ofNullable(bySource.get(source));
    }

    /**
     * Learns from JShell's events for {@code source}: forgets everything after a declaration, and
     * keeps a valid statement or expression whose wrapper class JShell ran.
     *
     * @param wrapperClass the class JShell invoked while evaluating {@code source}, or null
     */
    void learn(String source, List<SnippetEvent> events, String wrapperClass) {
        if (events.stream().anyMatch(e -> !isRunnable(e.snippet()) || e.causeSnippet() != null)) {
            forgetAll();
            return;
        }
        if (events.size() != 1 || wrapperClass == null) {
            return;
        }
        SnippetEvent event = events.get(0);
        if (event.status() == Status.VALID && !(event.exception() instanceof UnresolvedReferenceException)) {
            bySource.put(source, new Compiled(event.snippet(), wrapperClass));
        }
    }

    void forgetAll() {
        bySource.clear();
    }

    /** Forgets the text that runs {@code snippet} again: JShell dropped it. */
    void forget(Snippet snippet) {
        bySource.values().removeIf(known -> known.snippet().equals(snippet));
    }

    private static boolean isRunnable(Snippet snippet) {
        return switch (snippet.kind()) {
            case STATEMENT, EXPRESSION -> true;
            case VAR -> snippet instanceof VarSnippet
                    && snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
            default -> false;
        };
    }
}

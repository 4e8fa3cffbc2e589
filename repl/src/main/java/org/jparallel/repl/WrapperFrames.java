package org.jparallel.repl;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SourceCodeAnalysis.SnippetWrapper;

/**
 * Stack frames of an exception thrown by a snippet run outside {@code JShell.eval}, named as
 * JShell names them for an exception of {@code eval}: the class without its wrapper, the
 * top-level code as an empty method, the file {@code #<snippet id>} and the line in the
 * snippet's own text. Frames below the last snippet frame (the reflective call) are cut off.
 */
final class WrapperFrames {

    private static final String WRAPPER_PACKAGE = "REPL.";
    private static final Pattern WRAPPER_CLASS = Pattern.compile("REPL\\.\\$JShell\\$\\w+");
    private static final Pattern WRAPPER_PREFIX = Pattern.compile("REPL\\.\\$JShell\\$\\w+[.$]?");
    private static final String TOP_LEVEL_METHOD = "do_it$";

    private final JShell shell;

    WrapperFrames(JShell shell) {
        this.shell = shell;
    }

    StackTraceElement[] translate(StackTraceElement[] raw) {
        int last = raw.length - 1;
        while (last >= 0 && !raw[last].getClassName().startsWith(WRAPPER_PACKAGE)) {
            last--;
        }
        if (last < 0) {
            return raw;
        }
        Map<String, Optional<Wrapped>> wrappers = new HashMap<>();
        StackTraceElement[] frames = new StackTraceElement[last + 1];
        for (int i = 0; i <= last; i++) {
            StackTraceElement frame = raw[i];
            Matcher outer = WRAPPER_CLASS.matcher(frame.getClassName());
            Optional<Wrapped> wrapped = outer.lookingAt()
                    ? wrappers.computeIfAbsent(outer.group(), this::wrapperOf)
                    : Optional.empty();
            frames[i] = wrapped.map(w -> w.frame(frame)).orElse(frame);
        }
        return frames;
    }

    private Optional<Wrapped> wrapperOf(String wrapperClass) {
        return shell.snippets()
                .filter(s -> shell.status(s).isActive())
                .map(this::wrapped)
                .flatMap(Optional::stream)
                .filter(w -> w.wrapper().fullClassName().equals(wrapperClass))
                .findFirst();
    }

    private Optional<Wrapped> wrapped(Snippet snippet) {
        try {
            return Optional.of(new Wrapped(snippet, shell.sourceCodeAnalysis().wrapper(snippet)));
        } catch (RuntimeException e) {
            return Optional.empty(); // a snippet JShell keeps no wrapper for
        }
    }

    /** A snippet and the class source JShell compiled it in; imports share one line, so lines map by an offset. */
    private record Wrapped(Snippet snippet, SnippetWrapper wrapper) {

        StackTraceElement frame(StackTraceElement raw) {
            String method = raw.getMethodName().equals(TOP_LEVEL_METHOD) ? "" : raw.getMethodName();
            String className = WRAPPER_PREFIX.matcher(raw.getClassName()).replaceAll("");
            return new StackTraceElement(className, method, "#" + snippet.id(), snippetLine(raw.getLineNumber()));
        }

        private int snippetLine(int wrappedLine) {
            String wrapped = wrapper.wrapped();
            int firstLine = lineAt(wrapped, wrapper.sourceToWrappedPosition(0));
            int lines = lineAt(snippet.source(), snippet.source().length());
            return Math.max(1, Math.min(lines, wrappedLine - firstLine + 1));
        }

        private static int lineAt(String text, int position) {
            int line = 1;
            for (int i = 0; i < Math.min(position, text.length()); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            return line;
        }
    }
}

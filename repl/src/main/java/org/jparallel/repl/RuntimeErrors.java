package org.jparallel.repl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.spi.ExecutionControl.ResolutionException;
import jdk.jshell.spi.ExecutionControl.UserException;
import org.jparallel.repl.CellOutcome.RuntimeError;

/**
 * Exceptions thrown by user code, with stack frames of snippets named by cell and line
 * ({@code at square(cell line 2)}) and JShell's own frames left out.
 */
final class RuntimeErrors {

    private static final String INDENT = "    at ";
    /** An anonymous class's name ({@code $1}, JShell's {@code $JShell$anonymous$$0}), which says nothing to a reader. */
    private static final Pattern ANONYMOUS = Pattern.compile("(?:\\$?JShell\\$anonymous\\$)?\\$\\d+(?=\\$|$)");

    private final JShell shell;
    private final SnippetOrigins origins;

    RuntimeErrors(JShell shell, SnippetOrigins origins) {
        this.shell = shell;
        this.origins = origins;
    }

    /**
     * What a snippet threw: a {@code JShellException} from {@code JShell.eval}, or an
     * {@code ExecutionControl.UserException} whose frames {@link WrapperFrames} translated.
     */
    RuntimeError of(Throwable thrown) {
        List<String> traceback = new ArrayList<>();
        String exceptionClass = className(thrown);
        String message = message(thrown);
        traceback.add(headline(exceptionClass, message));
        List<String> enclosing = frames(thrown);
        traceback.addAll(enclosing);
        for (Throwable cause = thrown.getCause(); cause != null; cause = cause.getCause()) {
            traceback.add("Caused by: " + headline(className(cause), message(cause)));
            List<String> frames = frames(cause);
            // as printStackTrace writes a cause: the frames it shares with the exception it caused, counted
            int shared = 0;
            while (shared < frames.size() && shared < enclosing.size() && frames.get(frames.size() - 1 - shared)
                    .equals(enclosing.get(enclosing.size() - 1 - shared))) {
                shared++;
            }
            traceback.addAll(frames.subList(0, frames.size() - shared));
            if (shared > 0) {
                traceback.add("    ... " + shared + " more");
            }
            enclosing = frames;
        }
        return new RuntimeError(exceptionClass, message, traceback);
    }

    private static String className(Throwable t) {
        if (t instanceof EvalException e) {
            return SnippetNames.readable(e.getExceptionClassName());
        }
        if (t instanceof UserException e) {
            return SnippetNames.readable(e.causeExceptionClass());
        }
        return t.getClass().getName();
    }

    private String message(Throwable t) {
        if (t instanceof UnresolvedReferenceException e) {
            return UnresolvedReferences.explain(shell, e.getSnippet());
        }
        return SnippetNames.readable(t.getMessage());
    }

    /** A call of a method or class that cannot run until what it refers to is declared. */
    RuntimeError unresolved(ResolutionException thrown) {
        String id = String.valueOf(thrown.id());
        Optional<DeclarationSnippet> declaration = shell.snippets()
                .filter(s -> s.id().equals(id) && s instanceof DeclarationSnippet)
                .map(DeclarationSnippet.class::cast)
                .findFirst();
        String exceptionClass = UnresolvedReferenceException.class.getName();
        String message = declaration.map(d -> UnresolvedReferences.explain(shell, d))
                .orElse("snippet " + id + " refers to something not declared");
        List<String> traceback = new ArrayList<>();
        traceback.add(headline(exceptionClass, message));
        traceback.addAll(frames(thrown));
        return new RuntimeError(exceptionClass, message, traceback);
    }

    private static String headline(String exceptionClass, String message) {
        return message == null ? exceptionClass : exceptionClass + ": " + message;
    }

    /**
     * The frames users read: snippets' named by cell, JShell's and the kernel's left out, and of a call into the
     * cluster client only the call itself ({@code at org.jparallel.client.DirectView.pushSync}), since what the
     * client did inside says nothing its message does not.
     */
    private List<String> frames(Throwable t) {
        List<String> frames = new ArrayList<>();
        StackTraceElement[] stack = t.getStackTrace();
        for (int i = 0; i < stack.length; i++) {
            StackTraceElement frame = stack[i];
            String file = frame.getFileName();
            if (file != null && file.startsWith("#")) {
                frames.add(INDENT + snippetFrame(frame, file.substring(1)));
            } else if (!isMachinery(frame.getClassName()) && !(isClient(frame) && i + 1 < stack.length
                    && isClient(stack[i + 1]))) {
                frames.add(INDENT + frame);
            }
        }
        return withoutRepeats(frames);
    }

    private static boolean isClient(StackTraceElement frame) {
        return frame.getClassName().startsWith("org.jparallel.client.");
    }

    /** Longest cycle of frames looked for: mutual recursion of a few methods. */
    private static final int LONGEST_CYCLE = 8;

    /**
     * The frames with a run of recursion written once, as Python writes "[Previous line repeated 996 more
     * times]": a StackOverflowError would otherwise fill the notebook with a thousand identical lines.
     */
    static List<String> withoutRepeats(List<String> frames) {
        List<String> kept = new ArrayList<>();
        int i = 0;
        while (i < frames.size()) {
            int cycle = 0;
            int repeats = 0;
            for (int length = 1; length <= LONGEST_CYCLE && i + 2 * length <= frames.size(); length++) {
                int n = 0;
                while (i + (n + 2) * length <= frames.size() && frames.subList(i, i + length)
                        .equals(frames.subList(i + (n + 1) * length, i + (n + 2) * length))) {
                    n++;
                }
                if (n * length > repeats * cycle) {
                    cycle = length;
                    repeats = n;
                }
            }
            if (repeats >= 2) {
                kept.addAll(frames.subList(i, i + cycle));
                kept.add("    ... " + (cycle == 1 ? "the frame above" : "the " + cycle + " frames above")
                        + " repeated " + repeats + " more times");
                i += cycle * (repeats + 1);
            } else {
                kept.add(frames.get(i++));
            }
        }
        return kept;
    }

    private String snippetFrame(StackTraceElement frame, String snippetId) {
        String where = origins.describe(snippetId, frame.getLineNumber());
        String method = frame.getMethodName();
        if (method.isEmpty()) {
            return where; // the top-level code of a snippet
        }
        String readable = method.startsWith("lambda$") ? "lambda" : method;
        String owner = ANONYMOUS.matcher(frame.getClassName()).replaceAll("\\$anonymous").replace('$', '.')
                .replaceFirst("^\\.", "");
        return (owner.isEmpty() ? readable : owner + "." + readable) + "(" + where + ")";
    }

    private static boolean isMachinery(String className) {
        return className.startsWith("jdk.jshell.") || className.startsWith("REPL.")
                || className.equals(ValuelessInvocation.class.getName())
                // the kernel's own workings under display(..), System.in and %timeit's loops: not the user's to read
                || className.startsWith("org.jparallel.kernel.") || className.startsWith("org.jparallel.display.")
                || className.startsWith("org.jparallel.magic.") || className.startsWith("org.jparallel.repl.")
                || className.startsWith("jdk.internal.reflect.") || className.startsWith("java.lang.reflect.");
    }
}

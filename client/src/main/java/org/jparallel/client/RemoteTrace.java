package org.jparallel.client;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine's stack trace of a {@link RemoteError}, as the error's cause: a plain Java program's
 * {@code printStackTrace} shows where the code failed on the engine ({@code Caused by: on engine 2:
 * java.lang.ArithmeticException: / by zero} and its frames), and a kernel session maps the frames of its own
 * cells' code to cell lines, as it does for its own exceptions. Causes on the engine are causes here too.
 */
final class RemoteTrace extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** {@code at [loader//][module[@version]/]class.method(source)}, as {@code printStackTrace} prints a frame. */
    private static final Pattern FRAME = Pattern.compile(
            "\\tat (?:[^/()\\s]+//)?(?:([^/()\\s]+?)(?:@([^/()\\s]+))?/)?([^/()\\s]+)\\.([^./()\\s]+)\\((.*)\\)");
    private static final Pattern OMITTED = Pattern.compile("\\t\\.\\.\\. (\\d+) more");
    private static final Pattern SOURCE = Pattern.compile("(.+?)(?::(\\d+))?");
    private static final String CAUSED_BY = "Caused by: ";

    /** One exception of the printed chain: its headline and its frames. */
    private record Printed(String headline, List<StackTraceElement> frames) {
    }

    private RemoteTrace(String message, RemoteTrace cause, StackTraceElement[] frames) {
        super(message, cause, false, true);
        setStackTrace(frames);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // the frames are the engine's, set from its trace
    }

    /** The trace of {@code traceback} (Java's printed form), or null when it has no frame to show. */
    static RemoteTrace parse(int engineId, List<String> traceback) {
        List<Printed> chain = new ArrayList<>();
        boolean inSuppressed = false;
        for (String line : traceback) {
            Matcher frame = FRAME.matcher(line);
            Matcher omitted = OMITTED.matcher(line);
            if (chain.isEmpty() || line.startsWith(CAUSED_BY)) {
                String headline = chain.isEmpty() ? "on engine " + engineId + ": " + line
                        : line.substring(CAUSED_BY.length());
                chain.add(new Printed(headline, new ArrayList<>()));
                inSuppressed = false;
            } else if (line.startsWith("\tSuppressed: ")) {
                inSuppressed = true; // not kept: the cause chain is what a reader follows
            } else if (inSuppressed) {
                continue;
            } else if (frame.matches()) {
                chain.get(chain.size() - 1).frames().add(frame(frame));
            } else if (omitted.matches() && chain.size() > 1) {
                // "... n more": the last n frames of the exception this one caused
                List<StackTraceElement> enclosing = chain.get(chain.size() - 2).frames();
                int count = Math.min(Integer.parseInt(omitted.group(1)), enclosing.size());
                chain.get(chain.size() - 1).frames().addAll(enclosing.subList(enclosing.size() - count,
                        enclosing.size()));
            }
        }
        if (chain.stream().allMatch(printed -> printed.frames().isEmpty())) {
            return null;
        }
        RemoteTrace trace = null;
        for (int i = chain.size() - 1; i >= 0; i--) {
            Printed printed = chain.get(i);
            trace = new RemoteTrace(printed.headline(), trace, printed.frames().toArray(StackTraceElement[]::new));
        }
        return trace;
    }

    private static StackTraceElement frame(Matcher frame) {
        String source = frame.group(5);
        String file = null;
        int line = -1;
        if (source.equals("Native Method")) {
            line = -2;
        } else if (!source.equals("Unknown Source")) {
            Matcher parts = SOURCE.matcher(source);
            if (parts.matches()) {
                file = parts.group(1);
                line = parts.group(2) == null ? -1 : Integer.parseInt(parts.group(2));
            }
        }
        return new StackTraceElement(null, frame.group(1), frame.group(2), frame.group(3), frame.group(4), file, line);
    }

    @Override
    public String toString() {
        return getMessage();
    }
}

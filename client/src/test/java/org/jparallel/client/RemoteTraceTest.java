package org.jparallel.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RemoteTraceTest {

    /** What an engine sends back: the exception as printStackTrace prints it. */
    private static List<String> printed(Throwable t) {
        StringWriter text = new StringWriter();
        t.printStackTrace(new PrintWriter(text));
        return text.toString().lines().toList();
    }

    private static RemoteError brought(int engine, Throwable t) {
        return new RemoteError(engine, "apply", t.getClass().getName(), t.getMessage(), printed(t));
    }

    private static Throwable failedDeepDown() {
        try {
            readConfiguration(2);
            throw new AssertionError("did not fail");
        } catch (UncheckedIOException e) {
            return e;
        }
    }

    private static void readConfiguration(int depth) {
        if (depth > 0) {
            readConfiguration(depth - 1);
            return;
        }
        try {
            throw new IOException("no such file");
        } catch (IOException e) {
            throw new UncheckedIOException("configuration unreadable", e);
        }
    }

    /** Frames as a reader sees them: loaders and modules aside. */
    private static String[] shown(StackTraceElement[] frames) {
        return Arrays.stream(frames).map(f -> f.getClassName() + "." + f.getMethodName()
                + (f.isNativeMethod() ? "(Native Method)" : "(" + f.getFileName() + ":" + f.getLineNumber() + ")"))
                .toArray(String[]::new);
    }

    @Test
    void theCauseHoldsTheEnginesFrames() {
        Throwable onEngine = failedDeepDown();
        Throwable cause = brought(2, onEngine).getCause();
        assertInstanceOf(RemoteTrace.class, cause);
        assertArrayEquals(shown(onEngine.getStackTrace()), shown(cause.getStackTrace()));
    }

    @Test
    void causesOnTheEngineAreCausesHereWithTheFramesPrintingLeftOut() {
        Throwable onEngine = failedDeepDown();
        Throwable cause = brought(2, onEngine).getCause().getCause();
        assertEquals("java.io.IOException: no such file", cause.getMessage());
        // printStackTrace wrote "... n more" for the frames this one shares with the exception it caused
        assertArrayEquals(shown(onEngine.getCause().getStackTrace()), shown(cause.getStackTrace()));
    }

    @Test
    void printStackTraceShowsWhereItFailedOnTheEngine() {
        String text = String.join("\n", printed(brought(2, failedDeepDown())));
        assertTrue(text.contains("Caused by: on engine 2: java.io.UncheckedIOException: configuration unreadable\n"
                + "\tat org.jparallel.client.RemoteTraceTest.readConfiguration(RemoteTraceTest.java:"), text);
        assertTrue(text.contains("Caused by: java.io.IOException: no such file"), text);
    }

    @Test
    void framesKeepTheirModule() {
        List<String> trace = List.of("java.lang.NumberFormatException: For input string: \"x\"",
                "\tat java.base/java.lang.NumberFormatException.forInputString(NumberFormatException.java:67)",
                "\tat java.base/java.lang.Integer.parseInt(Native Method)",
                "\tat REPL.$JShell$12.lambda$do_it$$0($JShell$12.java:5)");
        StackTraceElement[] frames = new RemoteError(0, "apply", "java.lang.NumberFormatException", "", trace)
                .getCause().getStackTrace();
        assertEquals("java.base", frames[0].getModuleName());
        assertTrue(frames[1].isNativeMethod(), frames[1].toString());
        assertEquals(new StackTraceElement("REPL.$JShell$12", "lambda$do_it$$0", "$JShell$12.java", 5), frames[2]);
    }

    @Test
    void aTraceWithoutJavaFramesGivesNoCause() {
        RemoteError compileError = new RemoteError(1, "execute", "CompileError", "incompatible types",
                List.of("In [3] line 1, column 9: incompatible types", "int x = \"s\";", "        ^"));
        assertNull(compileError.getCause());
        assertNull(new RemoteError(1, "apply", "EngineError", "engine 1 died", List.of()).getCause());
    }

    @Test
    void aCompositeErrorsCauseIsItsFirstErrorAndTheOthersAreSuppressed() {
        RemoteError first = brought(0, failedDeepDown());
        RemoteError second = brought(1, failedDeepDown());
        CompositeError composite = new CompositeError("apply", List.of(first, second));
        assertSame(first, composite.getCause());
        assertArrayEquals(new Throwable[] {second}, composite.getSuppressed());
    }
}

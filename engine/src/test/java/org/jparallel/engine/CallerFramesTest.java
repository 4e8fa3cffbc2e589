package org.jparallel.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class CallerFramesTest {
    private static final StackTraceElement USER = new StackTraceElement("shipped-7f3a-1", null, null,
            "REPL.$JShell$24", "depth", "$JShell$24.java", 5);
    private static final StackTraceElement INVOKE = new StackTraceElement("app", null, null,
            "org.jparallel.client.Fn0", "invoke", "Fn0.java", 19);
    private static final StackTraceElement CALL = new StackTraceElement("app", null, null,
            "org.jparallel.engine.CodecValues", "call", "CodecValues.java", 73);
    private static final StackTraceElement THREAD = new StackTraceElement(null, "java.base", "17",
            "java.lang.Thread", "run", "Thread.java", 840);

    @Test
    void theEnginesCallOfTheFunctionIsLeftOut() {
        StackTraceElement[] trimmed = CallerFrames.trim(new StackTraceElement[] {USER, INVOKE, CALL, THREAD});
        assertEquals(1, trimmed.length);
        assertEquals("REPL.$JShell$24.depth($JShell$24.java:5)", trimmed[0].toString());
    }

    @Test
    void theShippedClassLoaderIsNotNamed() {
        assertNull(CallerFrames.trim(new StackTraceElement[] {USER})[0].getClassLoaderName());
    }

    @Test
    void whatTheEngineItselfThrewKeepsEveryFrame() {
        StackTraceElement[] engines = {CALL, THREAD};
        assertArrayEquals(engines, CallerFrames.trim(engines));
    }

    @Test
    void causesAreTrimmedToo() {
        IllegalStateException outer = new IllegalStateException("outer", new IllegalArgumentException("inner"));
        outer.setStackTrace(new StackTraceElement[] {USER, INVOKE, CALL});
        outer.getCause().setStackTrace(new StackTraceElement[] {USER, USER, INVOKE, CALL, THREAD});
        CallerFrames.trim(outer);
        assertEquals(1, outer.getStackTrace().length);
        assertEquals(2, outer.getCause().getStackTrace().length);
    }
}

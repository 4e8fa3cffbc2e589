package org.jparallel.engine;

import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * The stack of what a function threw, as its author reads it: the function's own frames, without the engine's
 * machinery that called it ({@code Fn0.invoke}, {@code CodecValues.call}, {@code Engine.serve}, the thread), and
 * without the name of the class loader that defined a shipped class ({@code shipped-<uuid>-1//}), so a frame
 * reads {@code REPL.$JShell$24.depth($JShell$24.java:5)}, which the sending session maps back to its cell.
 */
final class CallerFrames {
    private static final String ENGINE_PACKAGE = "org.jparallel.engine.";
    private static final String CLIENT_PACKAGE = "org.jparallel.client.";
    private static final String SHIPPED_LOADER = "shipped-";

    private CallerFrames() {
    }

    /** Trims {@code thrown} and its causes in place. */
    static void trim(Throwable thrown) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = thrown; t != null && seen.add(t); t = t.getCause()) {
            t.setStackTrace(trim(t.getStackTrace()));
        }
    }

    static StackTraceElement[] trim(StackTraceElement[] frames) {
        int end = frames.length;
        for (int i = 0; i < frames.length; i++) {
            if (frames[i].getClassName().startsWith(ENGINE_PACKAGE)) {
                end = i;
                break;
            }
        }
        // The function's own invoke (Fn0.invoke and its kin) is the engine's call, not the author's code.
        while (end > 0 && frames[end - 1].getClassName().startsWith(CLIENT_PACKAGE)
                && frames[end - 1].getMethodName().equals("invoke")) {
            end--;
        }
        if (end == 0) {
            end = frames.length; // the engine itself failed: its frames are the story
        }
        return Arrays.stream(frames, 0, end).map(CallerFrames::withoutShippedLoader)
                .toArray(StackTraceElement[]::new);
    }

    private static StackTraceElement withoutShippedLoader(StackTraceElement frame) {
        String loader = frame.getClassLoaderName();
        if (loader == null || !loader.startsWith(SHIPPED_LOADER)) {
            return frame;
        }
        return new StackTraceElement(null, frame.getModuleName(), frame.getModuleVersion(), frame.getClassName(),
                frame.getMethodName(), frame.getFileName(), frame.getLineNumber());
    }
}

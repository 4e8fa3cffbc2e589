package org.jparallel.client;

import java.util.List;

/**
 * An exception thrown by user code on an engine, brought back to the client.
 *
 * <p>{@link #getMessage()} and {@link #toString()} read like {@code [2:apply] java.lang.ArithmeticException: / by zero};
 * {@link #remoteTraceback()} holds the engine's stack trace lines, and the error's cause has them as frames (with the
 * engine's causes as its causes), so that {@code printStackTrace} shows where the code failed on the engine.
 *
 * <pre>{@code
 * try {
 *     rc.engine(2).applySync(() -> 1 / 0);
 * } catch (RemoteError e) {
 *     e.engineId();          // 2
 *     e.remoteClassName();   // java.lang.ArithmeticException
 *     e.remoteMessage();     // / by zero
 * }
 * }</pre>
 */
public class RemoteError extends RuntimeException {
    private final int engineId;
    private final String method;
    private final String remoteClassName;
    private final String remoteMessage;
    private final List<String> remoteTraceback;

    /**
     * @param engineId        the engine it happened on, or -1 when not known
     * @param method          what the request was: execute, apply, push, …
     * @param remoteClassName the exception's class on the engine
     * @param remoteMessage   its message, may be empty
     * @param remoteTraceback the engine's stack trace lines, may be empty
     */
    public RemoteError(int engineId, String method, String remoteClassName, String remoteMessage,
                       List<String> remoteTraceback) {
        super(describe(engineId, method, remoteClassName, remoteMessage));
        this.engineId = engineId;
        this.method = method;
        this.remoteClassName = remoteClassName;
        this.remoteMessage = remoteMessage == null ? "" : remoteMessage;
        this.remoteTraceback = List.copyOf(remoteTraceback);
        RemoteTrace trace = RemoteTrace.parse(engineId, this.remoteTraceback);
        if (trace != null) {
            initCause(trace);
        }
    }

    private static String describe(int engineId, String method, String className, String message) {
        String where = "[" + (engineId < 0 ? "?" : String.valueOf(engineId)) + ":" + method + "] ";
        return where + className + (message == null || message.isEmpty() ? "" : ": " + message);
    }

    public int engineId() {
        return engineId;
    }

    /** The request that failed: execute, apply, map, push, pull, … */
    public String method() {
        return method;
    }

    /** The binary name of the exception's class on the engine, e.g. {@code java.lang.ArithmeticException}. */
    public String remoteClassName() {
        return remoteClassName;
    }

    public String remoteMessage() {
        return remoteMessage;
    }

    /** The engine's stack trace, one line per element, as the engine printed it. */
    public List<String> remoteTraceback() {
        return remoteTraceback;
    }

    /** This error with the engine's stack trace, as a notebook shows it. */
    public String render() {
        return remoteTraceback.isEmpty() ? getMessage()
                : getMessage() + System.lineSeparator() + String.join(System.lineSeparator(), remoteTraceback);
    }

    @Override
    public String toString() {
        return getMessage();
    }
}

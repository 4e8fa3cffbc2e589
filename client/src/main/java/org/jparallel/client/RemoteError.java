package org.jparallel.client;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

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
    /** Decodes the exception the reply carried, once asked; null when it carried none. Not sent with this error. */
    private transient Callable<Object> thrown;
    private transient Optional<Throwable> remoteException;

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

    /** The first of several errors standing for them all ({@link CompositeError}), under a message of their own. */
    RemoteError(String message, RemoteError first) {
        super(message);
        this.engineId = first.engineId;
        this.method = first.method;
        this.remoteClassName = first.remoteClassName;
        this.remoteMessage = first.remoteMessage;
        this.remoteTraceback = first.remoteTraceback;
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

    /**
     * The exception the code threw on the engine, as this JVM decodes it, when it could travel: an exception class
     * the notebook's cells declared comes back as that class, with its fields; a JDK exception as itself. Empty for
     * an error that was not thrown by the task's code (an engine that died, a dependency no engine meets), one that
     * holds what cannot be serialized, and one this JVM cannot decode.
     *
     * <pre>{@code
     * class BadInput extends RuntimeException { final int code; BadInput(int code) { this.code = code; } }
     * try {
     *     lv.applySync(() -> { throw new BadInput(42); });
     * } catch (RemoteError e) {
     *     if (e.remoteException().orElse(null) instanceof BadInput bad) {
     *         bad.code;   // 42
     *     }
     * }
     * }</pre>
     */
    public synchronized Optional<Throwable> remoteException() {
        if (remoteException == null) {
            Object decoded = null;
            try {
                decoded = thrown == null ? null : thrown.call();
            } catch (Exception | LinkageError e) {
                // a class this JVM lacks, or one that would not rebuild: the message and trace say what happened
            }
            remoteException = decoded instanceof Throwable t ? Optional.of(t) : Optional.empty();
            thrown = null;
        }
        return remoteException;
    }

    /** Where {@link #remoteException()} comes from. */
    void thrownBy(Callable<Object> decode) {
        this.thrown = decode;
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

package org.jparallel.client;

import java.util.List;

/**
 * The engine running a task died (killed, crashed, or stopped answering) before it replied.
 *
 * <p>The task may be submitted again on another engine; what it did on the dead one is lost.
 *
 * <pre>{@code
 * try {
 *     ar.get();
 * } catch (EngineError e) {
 *     System.out.println(e.getMessage());   // [2:apply] EngineError: engine 2 died (pid 1234) while running this task
 * }
 * }</pre>
 */
public final class EngineError extends RemoteError {
    public EngineError(int engineId, String method, String message) {
        super(engineId, method, "EngineError", message, List.of());
    }
}

package org.jparallel.client;

import java.util.List;

/**
 * The task waited in the controller for a free engine past the timeout of its flags, and never ran: every engine it
 * may run on was busy with as many tasks as the cluster's high-water mark lets it hold. As ipyparallel's
 * {@code TaskTimeout}; a task whose dependencies were still unmet then fails with {@link DependencyTimeout} instead.
 *
 * <pre>{@code
 * var quick = lv.withFlags(timeout(0.5)).apply(() -> answer());
 * try {
 *     quick.get();
 * } catch (TaskTimeout e) {
 *     // every engine was busy for half a second: do without, or retry later
 * }
 * }</pre>
 */
public final class TaskTimeout extends RemoteError {
    public TaskTimeout(int engineId, String method, String message) {
        super(engineId, method, "TaskTimeout", message, List.of());
    }
}

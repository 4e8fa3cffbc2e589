package org.jparallel.client;

/**
 * The task depends on a task the controller does not know (a result of another cluster, or one so old its
 * record is gone); it never ran.
 *
 * <pre>{@code
 * var arA = lv.withFlags(after(resultOfAnotherCluster)).apply(() -> stepA());
 * arA.get();   // InvalidDependency: … depends on task …, which this controller never received …
 * }</pre>
 */
public final class InvalidDependency extends DependencyError {
    public InvalidDependency(int engineId, String method, String message) {
        super(engineId, method, "InvalidDependency", message);
    }
}

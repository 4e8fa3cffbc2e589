package org.jparallel.client;

/**
 * The task's dependencies were not met within the timeout of its flags; it never ran.
 *
 * <pre>{@code
 * var arA = lv.withFlags(after(arSlow).withTimeout(Duration.ofSeconds(5))).apply(() -> stepA());
 * arA.get();   // DependencyTimeout after 5 s if arSlow is still running
 * }</pre>
 */
public final class DependencyTimeout extends DependencyError {
    public DependencyTimeout(int engineId, String method, String message) {
        super(engineId, method, "DependencyTimeout", message);
    }
}

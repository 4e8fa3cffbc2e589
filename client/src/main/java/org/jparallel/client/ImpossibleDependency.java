package org.jparallel.client;

/**
 * No engine can ever run the task: a task it waits for failed (or succeeded, under {@code onFailure()}), a
 * task it depends on was itself impossible (the message names the first error of the chain), a
 * {@code follow} names engines that are gone, or no engine meets its {@code require}/{@code depend}.
 * Raised as soon as the controller knows, never after a wait.
 *
 * <pre>{@code
 * var arB = lv.apply(() -> 1 / 0);
 * var arA = lv.withFlags(after(arB)).apply(() -> stepA());
 * arA.get();   // ImpossibleDependency: … depends on task … which failed: java.lang.ArithmeticException: / by zero …
 * }</pre>
 */
public final class ImpossibleDependency extends DependencyError {
    public ImpossibleDependency(int engineId, String method, String message) {
        super(engineId, method, "ImpossibleDependency", message);
    }
}

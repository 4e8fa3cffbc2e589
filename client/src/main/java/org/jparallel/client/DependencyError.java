package org.jparallel.client;

import java.util.List;

/**
 * A task failed because of its dependencies, not its own code: the common type of
 * {@link ImpossibleDependency}, {@link DependencyTimeout} and {@link InvalidDependency}.
 *
 * <pre>{@code
 * try {
 *     arA.get();
 * } catch (DependencyError e) {
 *     System.out.println(e.remoteMessage());   // what was unmet, and what to do about it
 * }
 * }</pre>
 */
public class DependencyError extends RemoteError {
    public DependencyError(int engineId, String method, String kind, String message) {
        super(engineId, method, kind, message, List.of());
    }
}

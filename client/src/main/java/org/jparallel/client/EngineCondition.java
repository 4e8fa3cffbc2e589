package org.jparallel.client;

import java.io.Serializable;

/**
 * A test a task's engine must pass before the task runs there: a serializable predicate evaluated on the
 * engine. Where it is false (or throws) the engine raises {@link UnmetDependency} and the controller tries
 * another engine; where no engine passes it the task fails with {@link ImpossibleDependency}.
 *
 * <pre>{@code
 * var linux = lv.withFlags(depend("Linux", () -> System.getProperty("os.name").startsWith("Linux")));
 * var big = lv.withFlags(depend(() -> Runtime.getRuntime().maxMemory() > 4L << 30));
 * }</pre>
 */
@FunctionalInterface
public interface EngineCondition extends Serializable {
    boolean test() throws Exception;
}

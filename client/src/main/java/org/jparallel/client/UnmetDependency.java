package org.jparallel.client;

/**
 * Thrown on an engine to say "not here": the task's requirements ({@code require}, {@code depend}) do not
 * hold on this engine. The controller then sends the task to another engine and never shows this error to
 * the client; where no engine meets them, the task fails with {@link ImpossibleDependency}.
 *
 * <p>A load-balanced task may throw it itself, after looking at its engine:
 *
 * <pre>{@code
 * lv.apply(() -> {
 *     if (!Files.exists(Path.of("/data/big.bin"))) throw new UnmetDependency("no /data/big.bin here");
 *     return crunch();
 * });
 * }</pre>
 */
public class UnmetDependency extends RuntimeException {
    public UnmetDependency(String message) {
        super(message);
    }
}

package org.jparallel.client;

import java.util.Map;

/**
 * One piece of output an engine produced while running a task, as it arrived.
 *
 * <pre>{@code
 * AsyncResult<?> ar = rc.all().execute("System.out.println(\"hi\")");
 * ar.onOutput(out -> System.out.print("[" + out.kind().label() + ":" + out.engineId() + "] " + out.text()));
 * // [stdout:0] hi
 * }</pre>
 *
 * @param engineId       the engine that produced it
 * @param kind           stdout, stderr, display, result or error
 * @param text           the text: a stream's chunk, the {@code text/plain} of a display or result, or an
 *                       error's {@code Class: message}
 * @param data           the MIME bundle of a display or result ({@code text/plain}, {@code text/html}, …);
 *                       empty for streams and errors
 * @param executionCount the engine's execution count for a result, else 0
 */
public record EngineOutput(int engineId, Kind kind, String text, Map<String, Object> data, int executionCount) {

    /** What an output is; {@link #label()} is how the notebook prefixes it. */
    public enum Kind {
        STDOUT("stdout"), STDERR("stderr"), DISPLAY("output"), RESULT("Out"), ERROR("error");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The prefix a notebook shows: {@code stdout}, {@code stderr}, {@code output}, {@code Out}, {@code error}. */
        public String label() {
            return label;
        }
    }

    public EngineOutput {
        text = text == null ? "" : text;
        data = data == null ? Map.of() : Map.copyOf(data);
    }

    /** How the notebook shows it: {@code [stdout:0] hi}, {@code Out[0:3]: 42}. */
    @Override
    public String toString() {
        if (kind == Kind.RESULT) {
            return "Out[" + engineId + ":" + executionCount + "]: " + text;
        }
        return "[" + kind.label() + ":" + engineId + "] " + text;
    }
}

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
 * @param displayId      the engine's id of a display, which its updates name ({@code displayWithId}, a
 *                       {@code DisplayHandle}); empty for other outputs
 */
public record EngineOutput(int engineId, Kind kind, String text, Map<String, Object> data, int executionCount,
                           String displayId) {

    /**
     * What an output is; {@link #label()} is how the notebook prefixes it. An {@code UPDATE} replaces what the
     * display of the same {@link #displayId()} shows ({@code updateDisplay(id, x)}, {@code handle.update(x)}).
     */
    public enum Kind {
        STDOUT("stdout"), STDERR("stderr"), DISPLAY("output"), UPDATE("output"), RESULT("Out"), ERROR("error");

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
        displayId = displayId == null ? "" : displayId;
    }

    /** An output that is not a display: no display id. */
    public EngineOutput(int engineId, Kind kind, String text, Map<String, Object> data, int executionCount) {
        this(engineId, kind, text, data, executionCount, "");
    }

    /**
     * How {@code %px} prints it, ending with a line break: a stream's chunk after its label, on the line after the
     * label when the chunk has several lines ({@code [stdout:0] hi}); a result as {@code Out[0:3]: 42}; a display's
     * text after an {@code [output:0]} line; an error as {@code [error:0] Class: message}. Empty for an empty chunk.
     */
    public String labelled() {
        return switch (kind) {
            case STDOUT, STDERR -> {
                if (text.isEmpty()) {
                    yield "";
                }
                int lines = text.split("\n", -1).length - (text.endsWith("\n") ? 1 : 0);
                boolean multiline = lines > 1 && !text.startsWith("\n");
                yield "[" + kind.label() + ":" + engineId + "] " + (multiline ? "\n" : "") + text
                        + (text.endsWith("\n") ? "" : "\n");
            }
            case DISPLAY, UPDATE -> "[" + kind.label() + ":" + engineId + "]\n" + text + (text.endsWith("\n") ? "" : "\n");
            case RESULT, ERROR -> this + "\n";
        };
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

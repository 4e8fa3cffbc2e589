package org.jparallel.client;

import java.util.Map;

/**
 * What one engine answered to {@code execute}: its execution count and the value the code displayed, if any.
 *
 * <pre>{@code
 * List<ExecuteReply> replies = rc.all().executeSync("6 * 7");
 * replies.get(0);          // Out[0:3]: 42
 * replies.get(0).text();   // 42
 * }</pre>
 *
 * @param engineId       the engine
 * @param executionCount its execution count for this code
 * @param data           the MIME bundle of the code's value ({@code text/plain}, …); empty for a statement
 */
public record ExecuteReply(int engineId, int executionCount, Map<String, Object> data) {
    public ExecuteReply {
        data = Map.copyOf(data);
    }

    /** The {@code text/plain} form of the value, or an empty string when the code had no value. */
    public String text() {
        Object plain = data.get("text/plain");
        return plain == null ? "" : plain.toString();
    }

    /** {@code Out[0:3]: 42}, or {@code [0:3]} when the code had no value. */
    @Override
    public String toString() {
        return data.isEmpty() ? "[" + engineId + ":" + executionCount + "]"
                : "Out[" + engineId + ":" + executionCount + "]: " + text();
    }
}

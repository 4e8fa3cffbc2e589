package org.jparallel.client.values;

import java.io.Serializable;

/**
 * What an {@link org.jparallel.client.AsyncResult} passed as an argument of {@code apply} travels as: the
 * msg_id of its task. The engine that runs the call puts the task's value in its place, taken from the engine
 * that holds it, so the value never comes back through the client. Users never make one; views make it from
 * the result. It is a node of the value tree (a tag and the msg_id), not a Java serialization stream: a graph
 * of tasks sends one per edge.
 *
 * <pre>{@code
 * var arB = lv.apply(() -> new double[1_000_000]);
 * var arA = lv.apply((double[] b) -> b.length, arB);   // arB travels as new ResultRef(<its msg_id>)
 * }</pre>
 *
 * @param msgId the request id of the task whose value this stands for
 */
public record ResultRef(String msgId) implements Serializable {
}

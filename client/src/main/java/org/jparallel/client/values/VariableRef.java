package org.jparallel.client.values;

import java.io.Serializable;

/**
 * What a {@link org.jparallel.client.Reference} passed as an argument of {@code apply} travels as: the name of a
 * variable of the engine's session. The engine that runs the call puts that variable's value in its place. Users
 * never make one; views make it from the reference. A node of the value tree (a tag and the name), as
 * {@link ResultRef} is.
 *
 * <pre>{@code
 * v.apply((double[] x) -> Arrays.stream(x).sum(), Reference.to("x"));   // travels as new VariableRef("x")
 * }</pre>
 *
 * @param name the variable's name in the engine's JShell session
 */
public record VariableRef(String name) implements Serializable {
}

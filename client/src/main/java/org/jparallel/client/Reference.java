package org.jparallel.client;

/**
 * A variable of an engine's session, passed as an argument of {@code apply}: the engine that runs the function
 * gives it that variable's value, as ipyparallel's {@code Reference} does. Data scattered to the engines stays
 * there, and each engine applies the function to its own part.
 *
 * <pre>{@code
 * var v = rc.all();
 * v.scatterSync("x", range(1000));
 * v.applySync((List<Integer> x) -> x.stream().mapToInt(i -> i).sum(), Reference.to("x"));   // [31125, 93625, ...]
 * }</pre>
 *
 * <p>Type the lambda's parameter, as for an {@link AsyncResult} argument: with an implicit one, javac cannot
 * choose between the overloads. An engine without the variable fails the task with a {@link RemoteError} whose
 * {@code ename} is {@code NoSuchVariableException}.
 *
 * @param name the variable's name, a Java identifier
 * @param <T>  the variable's type, for the function's parameter
 */
public record Reference<T>(String name) {

    public Reference {
        VariableNames.checked(name, "a Reference");
    }

    /** The engines' variable {@code name}. */
    public static <T> Reference<T> to(String name) {
        return new Reference<>(name);
    }
}

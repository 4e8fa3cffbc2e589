package org.jparallel.client.values;

/**
 * A received value needs a class that this JVM does not have: it is not on the class path here
 * and did not come with the value (classes declared in a JShell session, compiled from a source file or kept in
 * a class folder travel with it; classes of jars do not).
 *
 * <pre>{@code
 * try {
 *     Object result = decoder.decode(frames);
 * } catch (MissingClassException e) {
 *     System.out.println("add the jar with " + e.className() + " to the class path of every JVM");
 * }
 * }</pre>
 */
public final class MissingClassException extends UndecodableValueException {

    private static final long serialVersionUID = 1L;

    private final String className;

    MissingClassException(String label, String className, Throwable cause) {
        super("cannot decode " + label + ": class " + className + " is missing on this JVM (it is not on the class"
                + " path here and did not come with the value; add the jar that holds it on both sides: %jars PATH"
                + " in a notebook, %px %jars PATH for the engines; from a program, rc.all().executeSync(\"%jars PATH\")"
                + " or `jpcluster start --engine-jvm-options \"-cp PATH\"`)", cause);
        this.className = className;
    }

    /** The binary name of the missing class. */
    public String className() {
        return className;
    }
}

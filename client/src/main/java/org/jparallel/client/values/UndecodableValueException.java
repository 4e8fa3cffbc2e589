package org.jparallel.client.values;

/**
 * Frames that cannot be decoded here: not written by the values codec, cut on the way, a class
 * whose version differs between the two JVMs, or a class's own {@code readObject} failing.
 * {@link MissingClassException}, a class this JVM lacks, is the common case.
 *
 * <pre>{@code
 * try {
 *     Object value = decoder.decode(frames);
 * } catch (UndecodableValueException e) {
 *     System.out.println(e.getMessage());
 * }
 * }</pre>
 */
public class UndecodableValueException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UndecodableValueException(String message) {
        super(message);
    }

    public UndecodableValueException(String message, Throwable cause) {
        super(message, cause);
    }
}

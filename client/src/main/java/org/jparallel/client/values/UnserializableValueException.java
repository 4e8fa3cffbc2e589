package org.jparallel.client.values;

/**
 * A value that cannot be sent to another JVM, found before anything was sent. The message names
 * where the offending object sits and its class, for example
 * {@code args[1].field: java.lang.Thread is not serializable (make it Serializable or transient, or send something else)}.
 *
 * <pre>{@code
 * try {
 *     view.apply(f, data);
 * } catch (UnserializableValueException e) {
 *     System.out.println(e.path() + " holds a " + e.className());
 * }
 * }</pre>
 */
public final class UnserializableValueException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String path;
    private final String className;

    UnserializableValueException(String path, String className, String problem, Throwable cause) {
        super(path + ": " + problem, cause);
        this.path = path;
        this.className = className;
    }

    /** Where the offending object sits: {@code args[1].field}, {@code function.captured[0]}, {@code value[3]}. */
    public String path() {
        return path;
    }

    /** The class that cannot be serialized. */
    public String className() {
        return className;
    }
}

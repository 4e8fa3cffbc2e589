package org.jparallel.repl;

/**
 * Whether a cell is ready to run, in the words of Jupyter's {@code is_complete_reply}.
 *
 * @param status {@value #COMPLETE}, {@value #INCOMPLETE}, {@value #INVALID}, or
 *     {@value #UNKNOWN} when the session was busy evaluating
 * @param indent the indentation for the next line of an incomplete cell; empty otherwise
 */
public record Completeness(String status, String indent) {
    public static final String COMPLETE = "complete";
    public static final String INCOMPLETE = "incomplete";
    public static final String INVALID = "invalid";
    public static final String UNKNOWN = "unknown";

    static Completeness of(String status) {
        return new Completeness(status, "");
    }
}

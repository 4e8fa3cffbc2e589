package org.jparallel.client.values;

/**
 * What a {@link org.jparallel.display.Display} travels as: a display shows output in the JVM that holds it, so a
 * function sent to an engine that calls {@code display(...)} shows through the engine's display instead, as
 * output of its task (ipyparallel captures an engine's displays per task the same way).
 */
enum DisplayStandIn {
    /** The display of the JVM that decodes it. */
    THIS_JVMS
}

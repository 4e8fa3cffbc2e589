package org.jparallel.client.values;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.jparallel.repl.CellOutcome;
import org.jparallel.repl.JavaSession;
import org.jparallel.repl.SessionOptions;

/** A real JShell session (local execution) and its encoder: the sending side of a test. */
final class JShellSender implements AutoCloseable {

    private final JavaSession session = JavaSession.open(SessionOptions.defaults()
            .withStartup(java.util.List.of("import org.jparallel.client.values.*;")));
    private final ValueEncoder encoder = new ValueEncoder(ClassBytes.of(session.classBytes()));

    ClassBytes classBytes() {
        return ClassBytes.of(session.classBytes());
    }

    ValueEncoder encoder() {
        return encoder;
    }

    /** Evaluates a cell that must succeed. */
    JShellSender run(String cell) {
        CellOutcome outcome = session.eval(cell);
        assertInstanceOf(CellOutcome.Success.class, outcome, () -> cell + " -> " + outcome);
        return this;
    }

    /** Declares {@code type name} in the session, holding a host object (as the kernel does with {@code rc}). */
    JShellSender define(String name, String type, Object value) {
        session.define(name, type, value);
        return this;
    }

    /** The types this session's cells declare: what a receiving notebook decodes records into. */
    org.jparallel.repl.DeclaredTypes declaredTypes() {
        return session.declaredTypes();
    }

    Object variable(String name) {
        return session.variable(name).orElseThrow();
    }

    /** The frames of the variable's value, as this session would send it. */
    java.util.List<byte[]> encode(String variable) {
        return encoder.encode(variable(variable));
    }

    @Override
    public void close() {
        session.close();
    }
}

package org.jparallel.repl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Serializable;
import java.util.Arrays;
import org.jparallel.repl.CellOutcome.Success;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Classes typed in cells travel to engines without {@code implements Serializable}. */
class SerializableCellClassesTest {

    private final JavaSession session = JavaSession.open(SessionOptions.defaults());

    @AfterEach
    void close() {
        session.close();
    }

    private Class<?> declared(String cell, String name) {
        assertInstanceOf(Success.class, session.eval(cell));
        return session.declaredTypes().declared(name).orElseThrow();
    }

    @Test
    void aClassACellDeclaresIsSerializable() {
        assertTrue(Serializable.class.isAssignableFrom(declared("class Particle { double x, v; }", "Particle")));
    }

    @Test
    void itsMemberClassesAreToo() {
        Class<?> outer = declared("class Outer { static class Inner { } class Bound { } }", "Outer");
        assertTrue(Arrays.stream(outer.getDeclaredClasses()).allMatch(Serializable.class::isAssignableFrom));
    }

    @Test
    void itKeepsItsOwnInterfacesFirst() {
        Class<?> task = declared("class Task implements Runnable, Comparable<Task> { public void run() { }"
                + " public int compareTo(Task t) { return 0; } }", "Task");
        assertArrayEquals(new Class<?>[] {Runnable.class, Comparable.class, Serializable.class}, task.getInterfaces());
    }

    @Test
    void aClassMarkedSerializableIsLeftAsItIs() {
        Class<?> marked = declared("class Marked implements java.io.Serializable { }", "Marked");
        assertArrayEquals(new Class<?>[] {Serializable.class}, marked.getInterfaces());
    }

    @Test
    void aRecordACellDeclaresIsSerializableToo() {
        assertTrue(Serializable.class.isAssignableFrom(declared("record Point(int x) { }", "Point")));
    }

    @Test
    void interfacesAreLeftAsDeclared() {
        assertFalse(Serializable.class.isAssignableFrom(declared("interface Shape { }", "Shape")));
    }

    @Test
    void anAnonymousClassOfACellIsToo() {
        Success outcome = assertInstanceOf(Success.class, session.eval("new Object() { }"));
        assertTrue(outcome.value().orElseThrow().object() instanceof Serializable);
    }

    @Test
    void theBytesShippedToEnginesDeclareItToo() {
        Class<?> particle = declared("class Particle { }", "Particle");
        byte[] shipped = session.classBytes().get(particle.getName());
        assertTrue(new String(shipped, java.nio.charset.StandardCharsets.ISO_8859_1).contains("java/io/Serializable"));
    }

    @Test
    void aRedeclaredClassStaysSerializable() {
        declared("class Particle { double x; }", "Particle");
        assertTrue(Serializable.class.isAssignableFrom(declared("class Particle { double x, v; }", "Particle")));
    }
}

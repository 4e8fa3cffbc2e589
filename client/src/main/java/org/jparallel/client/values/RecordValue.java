package org.jparallel.client.values;

import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;

/**
 * A record declared in a JShell cell, in serializable form. People type {@code record Point(int x,
 * int y) {}}, not {@code implements Serializable}; a record's state is its components, so it can
 * travel as its class and components and be rebuilt through its canonical constructor.
 *
 * @param type the record class (shipped with its bytecode)
 * @param components the component values, in declaration order
 */
record RecordValue(Class<?> type, Object[] components) implements Serializable {

    private static final long serialVersionUID = 1L;

    static RecordValue of(Object record) {
        RecordComponent[] parts = record.getClass().getRecordComponents();
        Object[] values = new Object[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                parts[i].getAccessor().setAccessible(true);
                values[i] = parts[i].getAccessor().invoke(record);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot read the components of " + record.getClass().getName(), e);
        }
        return new RecordValue(record.getClass(), values);
    }

    /** The record, rebuilt through its canonical constructor. */
    Object create() {
        if (!type.isRecord()) {
            throw new UndecodableValueException(type.getName() + " was sent as a record but is not one here");
        }
        try {
            return construct(type, components);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new UndecodableValueException("cannot rebuild record " + type.getName() + ": " + e, e);
        }
    }

    /** A record of {@code type} made by its canonical constructor from {@code components}, in declaration order. */
    static Object construct(Class<?> type, Object[] components) throws ReflectiveOperationException {
        RecordComponent[] parts = type.getRecordComponents();
        Class<?>[] types = new Class<?>[parts.length];
        for (int i = 0; i < parts.length; i++) {
            types[i] = parts[i].getType();
        }
        Constructor<?> canonical = type.getDeclaredConstructor(types);
        canonical.setAccessible(true);
        return canonical.newInstance(components);
    }
}

package org.jparallel.client.values;

import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
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

    /** Each record class's accessors and canonical constructor, made accessible once: a list holds many alike. */
    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return Shape.of(type);
        }
    };

    /** A record class's component accessors and canonical constructor. */
    private record Shape(Method[] accessors, Constructor<?> canonical) {
        static Shape of(Class<?> type) {
            RecordComponent[] parts = type.getRecordComponents();
            Method[] accessors = new Method[parts.length];
            Class<?>[] types = new Class<?>[parts.length];
            for (int i = 0; i < parts.length; i++) {
                accessors[i] = parts[i].getAccessor();
                accessors[i].setAccessible(true);
                types[i] = parts[i].getType();
            }
            try {
                Constructor<?> canonical = type.getDeclaredConstructor(types);
                canonical.setAccessible(true);
                return new Shape(accessors, canonical);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("record " + type.getName() + " has no canonical constructor", e);
            }
        }
    }

    static RecordValue of(Object record) {
        Method[] accessors = SHAPES.get(record.getClass()).accessors();
        Object[] values = new Object[accessors.length];
        try {
            for (int i = 0; i < accessors.length; i++) {
                values[i] = accessors[i].invoke(record);
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
        return SHAPES.get(type).canonical().newInstance(components);
    }
}

package org.jparallel.client.values;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * The values of static fields of shipped snippet classes. JShell compiles a cell variable
 * {@code int k = 7} into a static field of a wrapper class, set when the cell runs; a class
 * defined afresh on the other side would read 0 or null. So the sender reads the fields that the
 * shipped code can reach ({@link ReachableStatics}) and the receiver sets them after defining the
 * classes: what code reads from earlier cells arrives by value, and nothing else travels.
 */
final class StaticFields {

    /** One field's value, and the part of the message whose code reads it (for error messages). */
    record Value(String className, String field, Object value, String neededBy) {
    }

    private StaticFields() {
    }

    /** A field whose value travels, made accessible once; {@code neededBy} as in {@link Value}. */
    record Carried(String className, Field field, String neededBy) {
    }

    /**
     * The values of the non-final, non-transient static fields of the sender's own classes that
     * {@code reach} says the message's code can read or write. Classes received from elsewhere
     * keep their fields at home.
     */
    static List<Value> read(List<Shipment.Entry> entries, ReachableStatics reach) {
        return read(select(entries, reach));
    }

    /** Which fields {@link #read(List, ReachableStatics)} reads: the same for every message of one shape. */
    static List<Carried> select(List<Shipment.Entry> entries, ReachableStatics reach) {
        List<Carried> carried = new ArrayList<>();
        for (Shipment.Entry entry : entries) {
            if (!entry.source().own() || entry.type() == null) {
                continue;
            }
            for (Field field : entry.type().getDeclaredFields()) {
                if (carried(field)) {
                    reach.readerOf(entry.name(), field.getName()).ifPresent(reader -> {
                        accessible(field);
                        carried.add(new Carried(entry.name(), field, reader));
                    });
                }
            }
        }
        return carried;
    }

    /** The values of these fields now. */
    static List<Value> read(List<Carried> fields) {
        List<Value> values = new ArrayList<>(fields.size());
        for (Carried carried : fields) {
            values.add(new Value(carried.className(), carried.field().getName(), get(carried.field()),
                    carried.neededBy()));
        }
        return values;
    }

    /** Sets a field of a class defined from shipped bytes, initializing the class first. */
    static void set(Class<?> type, String fieldName, Object value) {
        try {
            Field field = type.getDeclaredField(fieldName);
            if (!carried(field)) {
                throw new UndecodableValueException(type.getName() + "." + fieldName + " is not a carried static field");
            }
            field.setAccessible(true);
            field.set(null, value);
        } catch (NoSuchFieldException | IllegalAccessException | IllegalArgumentException e) {
            throw new UndecodableValueException("cannot set " + type.getName() + "." + fieldName + ": " + e, e);
        }
    }

    private static boolean carried(Field field) {
        int modifiers = field.getModifiers();
        return Modifier.isStatic(modifiers) && !Modifier.isFinal(modifiers) && !Modifier.isTransient(modifiers)
                && !field.isSynthetic();
    }

    private static void accessible(Field field) {
        try {
            field.setAccessible(true);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot read " + field, e);
        }
    }

    private static Object get(Field field) {
        try {
            return field.get(null);
        } catch (IllegalAccessException | RuntimeException | LinkageError e) {
            throw new IllegalStateException("cannot read " + field, e);
        }
    }
}

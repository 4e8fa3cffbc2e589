package org.jparallel.client.values;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jparallel.repl.SnippetNames;
import sun.reflect.ReflectionFactory;

/**
 * How an object of a class the sender's cells declared becomes one of the class of the same name that the
 * receiver's cells declare: when both have the same instance fields (names, and types alike or of the same cells'
 * names) at every level up to {@code Object}, the receiver's object is made as Java serialization makes one (no
 * constructor of the class runs) and given the sender's field values, field by field.
 *
 * @param pairs the sender's field and the receiver's field of each instance field, at every level
 * @param mine  what makes an empty object of the receiver's class
 */
record CellClassFields(List<Field[]> pairs, Constructor<?> mine) {

    /** The fields of {@code sent} and {@code declared} paired, when they match; empty when they do not. */
    static Optional<CellClassFields> of(Class<?> sent, Class<?> declared) {
        List<Field[]> pairs = new ArrayList<>();
        Class<?> theirs = sent;
        Class<?> ours = declared;
        while (theirs != Object.class || ours != Object.class) {
            if (theirs == Object.class || ours == Object.class || !sameCellName(theirs, ours)) {
                return Optional.empty(); // another hierarchy, or a JDK superclass whose fields are its own business
            }
            Field[] theirFields = instanceFields(theirs);
            Field[] ourFields = instanceFields(ours);
            if (theirFields.length != ourFields.length) {
                return Optional.empty();
            }
            for (int i = 0; i < theirFields.length; i++) {
                if (!theirFields[i].getName().equals(ourFields[i].getName())
                        || !sameType(theirFields[i].getType(), ourFields[i].getType())) {
                    return Optional.empty();
                }
                theirFields[i].setAccessible(true);
                ourFields[i].setAccessible(true);
                pairs.add(new Field[] {theirFields[i], ourFields[i]});
            }
            theirs = theirs.getSuperclass();
            ours = ours.getSuperclass();
        }
        try {
            Constructor<?> allocation = ReflectionFactory.getReflectionFactory().newConstructorForSerialization(declared);
            return allocation == null ? Optional.empty() : Optional.of(new CellClassFields(pairs, allocation));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean sameCellName(Class<?> theirs, Class<?> ours) {
        Optional<String> name = SnippetNames.declaredName(theirs.getName());
        return name.isPresent() && name.equals(SnippetNames.declaredName(ours.getName()));
    }

    /** Alike, or both declared by cells under one name (their values are converted on the way). */
    private static boolean sameType(Class<?> theirs, Class<?> ours) {
        return theirs == ours || theirs.isArray() == ours.isArray() && !theirs.isPrimitive() && !ours.isPrimitive()
                && sameCellName(theirs.isArray() ? theirs.getComponentType() : theirs,
                ours.isArray() ? ours.getComponentType() : ours);
    }

    private static Field[] instanceFields(Class<?> type) {
        return Arrays.stream(type.getDeclaredFields())
                .filter(field -> !Modifier.isStatic(field.getModifiers()))
                .sorted(Comparator.comparing(Field::getName))
                .toArray(Field[]::new);
    }

    /** An object of the receiver's class with no field set yet. */
    Object allocate() throws ReflectiveOperationException {
        return mine.newInstance();
    }
}

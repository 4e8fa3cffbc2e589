package org.jparallel.client.values;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jparallel.repl.DeclaredTypes;
import org.jparallel.repl.SnippetNames;

/**
 * A decoded value whose record was declared in the sender's cells, made the record of the same name that this
 * session's cells declare, when both have the same components: a record typed on both sides ({@code %%px --local
 * record Point(int x, int y) { }}) then moves between them as the one type each side's cells name. Without such a
 * record here, or with other components, the value keeps the sender's class.
 *
 * <p>Applies to the value itself, to its records' components, and to the elements of a list it is; not inside other
 * objects, whose fields are typed with the sender's classes.
 */
final class HomeRecords {
    private final DeclaredTypes home;
    /** The receiver's record for each record class of the sender met so far, or empty: a list has many alike. */
    private final Map<Class<?>, Optional<Class<?>>> mineFor = new HashMap<>();

    private HomeRecords(DeclaredTypes home) {
        this.home = home;
    }

    static Object convert(Object value, DeclaredTypes home) {
        return value == null || home == DeclaredTypes.NONE ? value : new HomeRecords(home).converted(value);
    }

    private Object converted(Object value) {
        if (value instanceof List<?> list && list.getClass().getName().startsWith("java.util.")) {
            List<Object> converted = new ArrayList<>(list.size());
            boolean changed = false;
            for (Object element : list) {
                Object mine = converted(element);
                changed |= mine != element;
                converted.add(mine);
            }
            return changed ? converted : value;
        }
        return value != null && value.getClass().isRecord() ? record(value).orElse(value) : value;
    }

    /** The receiver's record of the same name, if it has one and it is another class. */
    private Optional<Class<?>> mine(Class<?> sent) {
        return mineFor.computeIfAbsent(sent, type -> SnippetNames.declaredName(type.getName())
                .flatMap(home::declared)
                .filter(declared -> declared != type && declared.isRecord()));
    }

    private Optional<Object> record(Object value) {
        Class<?> sent = value.getClass();
        Optional<Class<?>> declared = mine(sent);
        if (declared.isEmpty()) {
            return Optional.empty();
        }
        RecordComponent[] theirs = sent.getRecordComponents();
        RecordComponent[] mine = declared.get().getRecordComponents();
        if (theirs.length != mine.length) {
            return Optional.empty();
        }
        Object[] values = new Object[mine.length];
        Class<?>[] types = new Class<?>[mine.length];
        try {
            for (int i = 0; i < mine.length; i++) {
                if (!theirs[i].getName().equals(mine[i].getName())) {
                    return Optional.empty();
                }
                theirs[i].getAccessor().setAccessible(true);
                Object component = converted(theirs[i].getAccessor().invoke(value));
                types[i] = mine[i].getType();
                if (component != null && !box(types[i]).isInstance(component)) {
                    return Optional.empty();
                }
                values[i] = component;
            }
            Constructor<?> canonical = declared.get().getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return Optional.of(canonical.newInstance(values));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty(); // its constructor refused them: the sender's record it stays
        }
    }

    private static Class<?> box(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return java.lang.invoke.MethodType.methodType(type).wrap().returnType();
    }
}

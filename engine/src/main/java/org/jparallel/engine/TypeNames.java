package org.jparallel.engine;

import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The type a JShell variable can be declared with to hold a value pushed from another JVM.
 *
 * <p>The value's own class when cells can name it (public, loaded by a loader the session sees);
 * otherwise its nearest public superclass or interface that cells can name, else {@code Object}.
 *
 * <pre>{@code
 * TypeNames.usable(new double[3], loader)        // "double[]"
 * TypeNames.usable(List.of(1, 2), loader)        // "java.util.List"
 * TypeNames.usable(recordFromAClientCell, loader) // "Object" (or a public interface it implements)
 * }</pre>
 */
final class TypeNames {
    private TypeNames() {
    }

    /**
     * @param visible the class loader cells compile against: a class it does not resolve to the
     *                same class cannot be named in a declaration
     */
    static String usable(Object value, ClassLoader visible) {
        if (value == null) {
            return "Object";
        }
        return nameable(value.getClass(), visible);
    }

    private static String nameable(Class<?> type, ClassLoader visible) {
        if (type.isArray()) {
            Class<?> component = type.getComponentType();
            String name = nameable(component, visible);
            return (name.equals("Object") && component != Object.class ? "Object" : name) + "[]";
        }
        if (type.isPrimitive() || canName(type, visible)) {
            return canonical(type);
        }
        // Breadth-first over supertypes: the nearest public one wins, classes before interfaces.
        Deque<Class<?>> queue = new ArrayDeque<>();
        queue.add(type);
        while (!queue.isEmpty()) {
            Class<?> next = queue.poll();
            Class<?> superclass = next.getSuperclass();
            if (superclass != null && superclass != Object.class && canName(superclass, visible)) {
                return canonical(superclass);
            }
            for (Class<?> candidate : next.getInterfaces()) {
                if (canName(candidate, visible)) {
                    return canonical(candidate);
                }
            }
            if (superclass != null) {
                queue.add(superclass);
            }
            queue.addAll(java.util.List.of(next.getInterfaces()));
        }
        return "Object";
    }

    private static boolean canName(Class<?> type, ClassLoader visible) {
        if (type.getCanonicalName() == null || type.isAnonymousClass() || type.isSynthetic()) {
            return false;
        }
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (!Modifier.isPublic(c.getModifiers())) {
                return false;
            }
        }
        if (type.getName().startsWith("REPL.")) {
            return false; // a snippet class of some session: the name may mean another class here
        }
        try {
            return Class.forName(type.getName(), false, visible) == type;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static String canonical(Class<?> type) {
        String name = type.getCanonicalName();
        // Generic types are declared raw: the pushed value's type arguments are not known.
        return name.startsWith("java.lang.") && name.indexOf('.', 10) < 0 ? name.substring(10) : name;
    }
}

package org.jparallel.engine;

import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.jparallel.repl.DeclaredTypes;
import org.jparallel.repl.SnippetNames;

/**
 * The type a JShell variable can be declared with to hold a value pushed from another JVM.
 *
 * <p>The value's own class when cells can name it (public, loaded by a loader the session sees, or declared by the
 * session's own cells); otherwise its nearest public superclass or interface that cells can name, else
 * {@code Object}.
 *
 * <pre>{@code
 * TypeNames.usable(new double[3], loader, types)             // "double[]"
 * TypeNames.usable(List.of(1, 2), loader, types)             // "java.util.List"
 * TypeNames.usable(recordFromAClientCell, loader, types)     // "Record" (or a public interface it implements)
 * TypeNames.usable(recordThisSessionDeclares, loader, types) // "Point", as the cells name it
 * }</pre>
 */
final class TypeNames {
    private TypeNames() {
    }

    /**
     * @param visible the class loader cells compile against: a class it does not resolve to the
     *                same class cannot be named in a declaration
     */
    static String usable(Object value, ClassLoader visible, DeclaredTypes declared) {
        if (value == null) {
            return "Object";
        }
        // A record of this session's own cells (a pushed one the cells declare too): named as the cells name it.
        Optional<String> cellName = SnippetNames.declaredName(value.getClass().getName());
        if (cellName.isPresent() && declared.declared(cellName.get()).orElse(null) == value.getClass()) {
            return cellName.get();
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

package org.jparallel.client.values;

import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.Spliterator;
import java.util.function.Predicate;
import java.util.stream.BaseStream;
import java.util.stream.Collectors;
import org.jparallel.repl.SnippetNames;

/**
 * Finds where an object that cannot be serialized sits in a graph, after serialization failed:
 * a breadth-first walk over fields, elements and captured values, so the shortest path is named.
 * Reflection is slow, which is why this runs only on failure.
 */
final class UnserializablePath {

    /** Enough for any graph a person would send; beyond it the error names only the entry. */
    private static final int MAX_VISITED = 1_000_000;

    private record Step(Object object, String path) {
    }

    private UnserializablePath() {
    }

    /**
     * The error for {@code root}, labelled {@code label}, whose serialization threw {@code failure};
     * classes that {@code travelsAnyway} are serialized by the codec although not Serializable.
     */
    static UnserializableValueException locate(Object root, String label, Exception failure,
                                               Predicate<Class<?>> travelsAnyway) {
        Deque<Step> queue = new ArrayDeque<>();
        Map<Object, Boolean> visited = new IdentityHashMap<>();
        queue.add(new Step(root, label));
        while (!queue.isEmpty() && visited.size() < MAX_VISITED) {
            Step step = queue.poll();
            Object object = step.object();
            if (object == null || FastPath.isScalar(object) || object instanceof Class<?> || object instanceof Enum<?>
                    || visited.put(object, Boolean.TRUE) != null) {
                continue;
            }
            if (!(object instanceof Serializable) && !travelsAnyway.test(object.getClass())) {
                return error(step.path(), object.getClass(), failure);
            }
            enqueueChildren(step, queue);
        }
        String className = failure.getMessage() == null ? root.getClass().getName() : failure.getMessage();
        if (className.contains("$$Lambda")) { // inside an object whose fields we may not read (a JDK lambda's)
            String maker = className.substring(0, className.indexOf("$$Lambda"));
            return new UnserializableValueException(label, className, "it holds a lambda made in "
                    + (SnippetNames.isWrapper(maker) ? "a cell" : CellNames.type(maker)) + " whose type is not"
                    + " Serializable (one a JDK method wraps, such as Comparator.comparing's key); "
                    + lambdaAdvice("Function<…>"),
                    failure);
        }
        return new UnserializableValueException(label, className, CellNames.type(className) + " is not serializable ("
                + "make it Serializable or transient, or send something else)", failure);
    }

    /** What to do about a lambda whose type is not Serializable, {@code type} (such as {@code Function<…>}). */
    private static String lambdaAdvice(String type) {
        return "make it serializable where it is written: give it a type of the client API (Fn, Fn2, …) or cast"
                + " it, as in (" + type + " & java.io.Serializable) (…) -> …";
    }

    private static UnserializableValueException error(String path, Class<?> type, Exception failure) {
        if (isLambda(type)) {
            String interfaces = Arrays.stream(type.getInterfaces()).map(Class::getName)
                    .collect(Collectors.joining(", "));
            return new UnserializableValueException(path, type.getName(), "a lambda of " + interfaces
                    + ", which is not Serializable: " + lambdaAdvice(type.getInterfaces()[0].getSimpleName()
                    + (type.getInterfaces()[0].getTypeParameters().length > 0 ? "<…>" : "")), failure);
        }
        if (path.endsWith("." + CAPTURED_THIS) && !Serializable.class.isAssignableFrom(type)) {
            String written = CellNames.type(type.getName());
            return new UnserializableValueException(path, type.getName(), "the lambda captures `this`, the "
                    + written + " it was written in, since it reads a field or calls a method of it; " + written
                    + " is not serializable: copy what the lambda needs into a local variable first (int s = scale;"
                    + " x -> x * s)", failure);
        }
        if (isResultHandle(type)) {
            return new UnserializableValueException(path, type.getName(), "an " + type.getSimpleName() + ", which"
                    + " stands for tasks of this client and cannot travel itself: to use its value on an engine, pass"
                    + " it as an argument of an apply (lv.applyAsync((Integer x) -> x + 1, ar), or a direct view's), and"
                    + " the value goes engine to engine; or send ar.get()", failure);
        }
        if (type.getPackageName().equals(CLIENT_PACKAGE)) {
            return new UnserializableValueException(path, type.getName(), "a " + type.getSimpleName() + " of the"
                    + " client API, which works in this JVM only: use it here, and send the values it gives", failure);
        }
        if (BaseStream.class.isAssignableFrom(type)) {
            return new UnserializableValueException(path, type.getName(), "a stream, which runs where it was made:"
                    + " collect what it gives first (.toList(), .toArray(), Collectors)", failure);
        }
        if (Iterator.class.isAssignableFrom(type) || Spliterator.class.isAssignableFrom(type)) {
            return new UnserializableValueException(path, type.getName(), "an iterator, which walks a collection where"
                    + " it is: send the collection, or what the iteration gives", failure);
        }
        if (Collection.class.isAssignableFrom(type) && type.getClassLoader() == null) {
            return new UnserializableValueException(path, type.getName(), "a view of another collection (a map's"
                    + " keySet(), values() or entrySet(), a subList(…)), which cannot leave it: copy it, as in"
                    + " new ArrayList<>(map.keySet())", failure);
        }
        return new UnserializableValueException(path, type.getName(), CellNames.type(type.getName()) + " is not serializable ("
                + "make it Serializable or transient, or send something else)", failure);
    }

    private static final String CLIENT_PACKAGE = "org.jparallel.client";

    /** AsyncResult and its subclasses, by name: this package sits below the client's. */
    private static boolean isResultHandle(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(CLIENT_PACKAGE + ".AsyncResult")) {
                return true;
            }
        }
        return false;
    }

    private static void enqueueChildren(Step step, Deque<Step> queue) {
        Object object = step.object();
        String path = step.path();
        if (object instanceof Object[] array) {
            for (int i = 0; i < array.length; i++) {
                queue.add(new Step(array[i], path + "[" + i + "]"));
            }
        } else if (object instanceof Map<?, ?> map && isJdk(object)) {
            if (map instanceof SortedMap<?, ?> sorted) {
                queue.add(new Step(sorted.comparator(), path + ".comparator()"));
            }
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                queue.add(new Step(entry.getKey(), path + ".key(" + entry.getKey() + ")"));
                queue.add(new Step(entry.getValue(), path + "[" + entry.getKey() + "]"));
            }
        } else if (object instanceof Collection<?> collection && isJdk(object)) {
            if (collection instanceof SortedSet<?> sorted) {
                queue.add(new Step(sorted.comparator(), path + ".comparator()"));
            } else if (collection instanceof PriorityQueue<?> queued) {
                queue.add(new Step(queued.comparator(), path + ".comparator()"));
            }
            int i = 0;
            for (Object element : collection) {
                queue.add(new Step(element, path + "[" + i++ + "]"));
            }
        } else if (!object.getClass().isArray()) {
            enqueueFields(object, path, queue);
        }
    }

    private static void enqueueFields(Object object, String path, Deque<Step> queue) {
        boolean lambda = isLambda(object.getClass());
        for (Class<?> type = object.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.getType().isPrimitive()) {
                    continue;
                }
                try {
                    field.setAccessible(true);
                    Object value = field.get(object);
                    String name = field.getName();
                    if (lambda && name.startsWith("arg$")) {
                        name = capturedThis(object.getClass(), value) ? CAPTURED_THIS
                                : "captured[" + (Integer.parseInt(name.substring(4)) - 1) + "]";
                    }
                    queue.add(new Step(value, path + "." + name));
                } catch (RuntimeException | IllegalAccessException e) {
                    // A JDK-internal field we may not read: its class serializes itself.
                }
            }
        }
    }

    /** How a path names the object a lambda written in an instance method captured by reading its fields. */
    private static final String CAPTURED_THIS = "captured this";

    /** Whether {@code value}, captured by the lambda of class {@code lambda}, is the instance it was written in. */
    private static boolean capturedThis(Class<?> lambda, Object value) {
        String name = lambda.getName();
        int made = name.indexOf("$$Lambda");
        return made > 0 && value != null && value.getClass().getName().equals(name.substring(0, made));
    }

    private static boolean isLambda(Class<?> type) {
        return (type.isHidden() || type.isSynthetic()) && type.getName().contains("$Lambda");
    }

    private static boolean isJdk(Object object) {
        return object.getClass().getClassLoader() == null;
    }
}

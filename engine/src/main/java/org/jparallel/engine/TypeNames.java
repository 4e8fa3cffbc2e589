package org.jparallel.engine;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.TypeVariable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.stream.Collectors;
import org.jparallel.client.values.SerializedLambdas;
import org.jparallel.repl.DeclaredTypes;
import org.jparallel.repl.SnippetNames;

/**
 * The type a JShell variable can be declared with to hold a value pushed from another JVM.
 *
 * <p>The value's own class when cells can name it (public, loaded by a loader the session sees, or declared by the
 * session's own cells); otherwise its nearest public superclass or interface that cells can name, else
 * {@code Object}. A JDK collection, map, map entry or optional gets the type arguments its contents agree on, so that
 * cells can compute with what a scatter sent ({@code x.stream().map(i -> i * i)}); one whose contents do not
 * agree, or that is empty, is declared raw. A lambda gets its functional interface's type arguments as the cell
 * that made it typed them ({@link FunctionalTypeArguments}).
 *
 * <pre>{@code
 * TypeNames.usable(new double[3], loader, types)             // "double[]"
 * TypeNames.usable(List.of(1, 2), loader, types)             // "java.util.List<Integer>"
 * TypeNames.usable(List.of(1, "a"), loader, types)           // "java.util.List"
 * TypeNames.usable(Map.of("a", List.of(1.5)), loader, types) // "java.util.Map<String, java.util.List<Double>>"
 * TypeNames.usable(Map.of("a", new ArrayList<>(List.of(1.5))), loader, types) // the same: inside, by its interface
 * TypeNames.usable(recordFromAClientCell, loader, types)     // "Record" (or a public interface it implements)
 * TypeNames.usable(recordThisSessionDeclares, loader, types) // "Point", as the cells name it
 * TypeNames.usable(aCellsFunctionOfIntegers, loader, types)  // "java.util.function.Function<Integer, Integer>"
 * }</pre>
 */
final class TypeNames {
    private static final List<Class<?>> COLLECTION_INTERFACES = List.of(
            List.class, Set.class, Map.class, Deque.class, Queue.class, Collection.class);

    /** Interfaces that say nothing of what elements have in common. */
    private static final Set<Class<?>> EVERYWHERE = Set.of(java.io.Serializable.class, Cloneable.class,
            Comparable.class, java.lang.constant.Constable.class, java.lang.constant.ConstantDesc.class);

    /** The entries of maps that cells can name, {@code Map.entry(k, v)}'s by its interface. */
    private static final Set<String> ENTRY_TYPES = Set.of("java.util.Map.Entry", "java.util.AbstractMap.SimpleEntry",
            "java.util.AbstractMap.SimpleImmutableEntry");

    private final ClassLoader visible;
    private final DeclaredTypes declared;
    /** Names of classes that take no type arguments, by class: a big list of records names its class once. */
    private final Map<Class<?>, String> plain = new HashMap<>();

    private TypeNames(ClassLoader visible, DeclaredTypes declared) {
        this.visible = visible;
        this.declared = declared;
    }

    /**
     * @param visible the class loader cells compile against: a class it does not resolve to the
     *                same class cannot be named in a declaration
     */
    static String usable(Object value, ClassLoader visible, DeclaredTypes declared) {
        return usable(value, visible, declared, null);
    }

    /**
     * @param elementType for a JDK collection, the class to declare its elements as when each one is an instance of
     *                    it (a scattered list's part, as every engine's part declares it), or null
     */
    static String usable(Object value, ClassLoader visible, DeclaredTypes declared, Class<?> elementType) {
        TypeNames names = new TypeNames(visible, declared);
        if (elementType != null && value instanceof Collection<?> collection
                && collection.stream().allMatch(element -> element == null || elementType.isInstance(element))) {
            String raw = names.rawName(value);
            if (jdkGeneric(raw) != null && names.namesItself(elementType)) {
                return raw + "<" + names.className(elementType) + ">";
            }
        }
        return names.of(value);
    }

    private String of(Object value) {
        return of(value, false);
    }

    /**
     * @param typeArgument whether the name is a type argument of a collection, map or optional, where a JDK
     *                     collection is named by its interface: generics are invariant, so a map of ArrayLists
     *                     declared {@code Map<String, ArrayList<Double>>} would not be a {@code Map<String,
     *                     List<Double>>}, and a list of an ArrayList and a LinkedList would have no common type
     */
    private String of(Object value, boolean typeArgument) {
        if (value == null) {
            return "Object";
        }
        String cached = plain.get(value.getClass());
        if (cached != null) {
            return cached;
        }
        String raw = typeArgument ? asInterface(rawName(value)) : rawName(value);
        Optional<String> arguments = typeArguments(value, raw);
        if (arguments.isPresent()) {
            return raw + arguments.get();
        }
        if (!(value instanceof Collection<?> || value instanceof Map<?, ?> || value instanceof Optional<?>)) {
            plain.put(value.getClass(), raw);
        }
        return raw;
    }

    private String rawName(Object value) {
        return className(value instanceof Enum<?> constant ? constant.getDeclaringClass() : value.getClass());
    }

    private String className(Class<?> type) {
        if (type.isArray() && !type.getComponentType().isPrimitive()) {
            return className(type.getComponentType()) + "[]";
        }
        if (type.isHidden()) {
            // a lambda of an interface of this session's cells (Scaler halve = x -> x / 2), made anew here
            for (Class<?> implemented : type.getInterfaces()) {
                Optional<String> cellName = cellName(implemented);
                if (cellName.isPresent()) {
                    return cellName.get();
                }
            }
        }
        // A type of this session's own cells (a pushed one the cells declare too): named as the cells name it.
        Optional<String> cellName = cellName(type);
        return cellName.isPresent() ? cellName.get() : nameable(type, visible);
    }

    private Optional<String> cellName(Class<?> type) {
        return SnippetNames.declaredName(type.getName()).filter(name -> declared.declared(name).orElse(null) == type);
    }

    /** Whether cells can name {@code type} itself, not only a supertype of it. */
    private boolean namesItself(Class<?> type) {
        return cellName(type).isPresent() || canName(type, visible);
    }

    /** {@code <Integer>} for a list of integers, {@code <String, Double>} for a map; empty when contents disagree. */
    private Optional<String> typeArguments(Object value, String raw) {
        if (value.getClass().isHidden()) {
            return SerializedLambdas.of(value)
                    .flatMap(lambda -> FunctionalTypeArguments.of(lambda, value.getClass().getClassLoader()))
                    .filter(typed -> namesItself(typed.functionalInterface())
                            && className(typed.functionalInterface()).equals(raw))
                    .map(typed -> typed.arguments().stream().map(this::className)
                            .collect(Collectors.joining(", ", "<", ">")));
        }
        if (value instanceof Map.Entry<?, ?> entry && ENTRY_TYPES.contains(raw)) {
            String key = of(entry.getKey(), true);
            String element = of(entry.getValue(), true);
            return key.equals("Object") && element.equals("Object") ? Optional.empty()
                    : Optional.of("<" + key + ", " + element + ">");
        }
        Class<?> declaredAs = jdkGeneric(raw);
        if (declaredAs == null) {
            // a generic class's own name (not a supertype's, which its fields say nothing of), and not the JDK's
            return raw.startsWith("java.") || !namesItself(value.getClass()) ? Optional.empty()
                    : fieldTypeArguments(value);
        }
        int parameters = declaredAs.getTypeParameters().length;
        if (value instanceof Optional<?> optional && declaredAs == Optional.class) {
            return optional.map(element -> of(element, true)).map(element -> "<" + element + ">");
        }
        if (value instanceof Collection<?> collection && parameters == 1 && Collection.class.isAssignableFrom(declaredAs)) {
            return common(collection).map(element -> "<" + element + ">");
        }
        if (value instanceof Map<?, ?> map && parameters == 2 && Map.class.isAssignableFrom(declaredAs)) {
            Optional<String> keys = common(map.keySet());
            Optional<String> values = common(map.values());
            if (keys.isEmpty() && values.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of("<" + keys.orElse("Object") + ", " + values.orElse("Object") + ">");
        }
        return Optional.empty();
    }

    /**
     * The type every non-null element has, if there is one and some element: an empty optional or collection among
     * them takes the others' type arguments, and elements of several classes are named by the nearest superclass
     * they share ({@code Number} for an Integer and a Double, {@code Walker} for a Walker and a Runner).
     */
    private Optional<String> common(Collection<?> elements) {
        String common = null;
        Class<?> commonClass = null; // the class common names, while the elements take no type arguments
        Set<String> empties = new HashSet<>(); // raw names of empty ones, which fit any type arguments of theirs
        Class<?> plainClass = null; // the class of the elements so far, when it takes no type arguments
        for (Object element : elements) {
            if (element == null || element.getClass() == plainClass) {
                continue; // millions of boxed numbers cost one comparison each
            }
            String type = of(element, true);
            plainClass = plain.containsKey(element.getClass()) ? element.getClass() : null;
            if (isEmpty(element)) {
                empties.add(type);
            } else if (common == null) {
                common = type;
                commonClass = plainClass;
            } else if (!common.equals(type)) {
                commonClass = commonClass == null || plainClass == null ? null : shared(commonClass, plainClass);
                common = commonClass == null ? "Object" : className(commonClass);
                if (common.equals("Object")) {
                    return Optional.empty();
                }
            }
        }
        if (common == null) {
            common = empties.size() == 1 ? empties.iterator().next() : null;
        } else {
            for (String empty : empties) {
                if (!common.equals(empty) && !common.startsWith(empty + "<")) {
                    return Optional.empty();
                }
            }
        }
        return Optional.ofNullable(common).filter(type -> !type.equals("Object"));
    }

    /**
     * {@code <String>} for a {@code Box<T>} of the cells whose field {@code T v} holds a String: each type parameter
     * named by what the fields of that type hold; empty when a parameter has no such field, or they disagree.
     */
    private Optional<String> fieldTypeArguments(Object value) {
        TypeVariable<?>[] parameters = value.getClass().getTypeParameters();
        if (parameters.length == 0) {
            return Optional.empty();
        }
        List<String> arguments = new ArrayList<>();
        for (TypeVariable<?> parameter : parameters) {
            List<Object> held = new ArrayList<>();
            for (Field field : value.getClass().getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && parameter.equals(field.getGenericType())) {
                    try {
                        field.setAccessible(true);
                        held.add(field.get(value));
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        return Optional.empty();
                    }
                }
            }
            Optional<String> argument = common(held);
            if (argument.isEmpty()) {
                return Optional.empty();
            }
            arguments.add(argument.get());
        }
        return Optional.of("<" + String.join(", ", arguments) + ">");
    }

    /**
     * The nearest superclass of {@code a} that {@code b} has too, or else the nearest interface of both that cells
     * can name; null for none but Object, Record, Enum or an interface every such value has.
     */
    private Class<?> shared(Class<?> a, Class<?> b) {
        for (Class<?> c = a; c != null && c != Object.class && c != Record.class && c != Enum.class; c = c.getSuperclass()) {
            if (c.isAssignableFrom(b)) {
                return c;
            }
        }
        // Records of a sealed interface share no class but Record: the nearest interface both implement, that cells
        // can name, and not one the JDK puts on everything (Serializable, Comparable).
        Deque<Class<?>> queue = new ArrayDeque<>();
        for (Class<?> c = a; c != null; c = c.getSuperclass()) {
            queue.addAll(List.of(c.getInterfaces()));
        }
        Set<Class<?>> seen = new HashSet<>();
        while (!queue.isEmpty()) {
            Class<?> candidate = queue.poll();
            if (!seen.add(candidate)) {
                continue;
            }
            if (!EVERYWHERE.contains(candidate) && candidate.isAssignableFrom(b) && namesItself(candidate)) {
                return candidate;
            }
            queue.addAll(List.of(candidate.getInterfaces()));
        }
        return null;
    }

    private static boolean isEmpty(Object value) {
        return value instanceof Optional<?> optional && optional.isEmpty()
                || value instanceof Collection<?> collection && collection.isEmpty()
                || value instanceof Map<?, ?> map && map.isEmpty();
    }

    /** {@code java.util.List} for {@code java.util.ArrayList}: a JDK collection's interface; other names as they are. */
    private static String asInterface(String raw) {
        Class<?> jdk = jdkGeneric(raw);
        if (jdk != null) {
            for (Class<?> collection : COLLECTION_INTERFACES) {
                if (collection.isAssignableFrom(jdk)) {
                    return canonical(collection);
                }
            }
        }
        return raw;
    }

    /** The JDK class a raw name declares, when it is one of {@code java.util}'s top-level generic classes. */
    private static Class<?> jdkGeneric(String raw) {
        if (!raw.startsWith("java.util.") || raw.indexOf('.', "java.util.".length()) >= 0) {
            return null;
        }
        try {
            Class<?> type = Class.forName(raw, false, null);
            return type.getTypeParameters().length > 0 ? type : null;
        } catch (ClassNotFoundException e) {
            return null;
        }
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
        // A JDK collection of a private class (List.of's, Arrays.asList's) is best known by its interface.
        for (Class<?> collection : COLLECTION_INTERFACES) {
            if (collection.isAssignableFrom(type)) {
                return canonical(collection);
            }
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
            queue.addAll(List.of(next.getInterfaces()));
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
        return name.startsWith("java.lang.") && name.indexOf('.', 10) < 0 ? name.substring(10) : name;
    }
}

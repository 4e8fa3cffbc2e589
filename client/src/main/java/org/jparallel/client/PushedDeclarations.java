package org.jparallel.client;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jparallel.client.values.SerializedLambdas;
import org.jparallel.repl.DeclaredTypes;
import org.jparallel.repl.SnippetNames;

/**
 * The declarations of the records, enums and classes of this client's cells that pushed values hold (at the top, in
 * JDK collections, maps, optionals and arrays, as components of those records and in fields of those classes), each
 * after the types it uses (the cells' interfaces it implements, a sealed one with its other records, a class's
 * superclass) and the cells' types and methods its code names or calls. An engine whose cells lack one
 * declares it before it takes the values, so that a {@code Point} pushed from the notebook is a {@code Point} in
 * {@code %px} cells, as if {@code %%px --local} had declared it.
 */
final class PushedDeclarations {
    private static final int MAX_DEPTH = 32;
    /** A call: a name before an opening parenthesis (the cells' methods are among these names). */
    private static final Pattern CALL = Pattern.compile("\\b([A-Za-z_$][\\w$]*)\\s*\\(");
    /** A name in a declaration's source (the cells' types are among these names). */
    private static final Pattern NAME = Pattern.compile("\\b([A-Za-z_$][\\w$]*)\\b");
    /** A class in a method descriptor. */
    private static final Pattern CLASS_IN_DESCRIPTOR = Pattern.compile("L([^;(]+);");

    private final DeclaredTypes cells;

    /** Each declaration by a key of its own (a type's name, a method's name and signature), in the order engines need. */
    private final Map<String, JsonObject> found = new LinkedHashMap<>();
    private final Set<String> namesCalled = new HashSet<>();
    private final Set<String> namesLookedUp = new HashSet<>();
    private final Set<Class<?>> seen = new HashSet<>();
    private final Set<Object> walked = Collections.newSetFromMap(new IdentityHashMap<>());

    private PushedDeclarations(DeclaredTypes cells) {
        this.cells = cells;
    }

    /** {@code [{name, source}, …]} for the types the values hold; empty when there are none or no cells. */
    static JsonArray of(Collection<?> values, DeclaredTypes cells) {
        JsonArray declarations = new JsonArray();
        if (cells == DeclaredTypes.NONE) {
            return declarations;
        }
        PushedDeclarations records = new PushedDeclarations(cells);
        values.forEach(value -> records.value(value, 0));
        records.found.values().forEach(declarations::add);
        return declarations;
    }

    private void value(Object value, int depth) {
        if (value == null || depth > MAX_DEPTH || value instanceof String || value instanceof Number
                || value instanceof Boolean || value instanceof Character || !walked.add(value)) {
            return; // an object met before: a graph with cycles or shared parts is walked once
        }
        if (value instanceof Collection<?> collection) {
            Class<?> last = null; // a million boxed numbers cost one comparison each
            for (Object element : collection) {
                if (element != null && element.getClass() != last) {
                    value(element, depth + 1);
                    last = element instanceof Collection<?> || element instanceof Map<?, ?> ? null : element.getClass();
                }
            }
        } else if (value instanceof Map<?, ?> map) {
            value(map.keySet(), depth + 1);
            value(map.values(), depth + 1);
        } else if (value instanceof Optional<?> optional) {
            optional.ifPresent(element -> value(element, depth + 1));
        } else if (value instanceof Map.Entry<?, ?> entry) {
            value(entry.getKey(), depth + 1);
            value(entry.getValue(), depth + 1);
        } else if (value instanceof Object[] array && !array.getClass().getComponentType().isPrimitive()) {
            type(array.getClass().getComponentType());
            value(Arrays.asList(array), depth + 1);
        } else if (value instanceof Enum<?> constant) {
            type(constant.getDeclaringClass()); // a constant with a body is an instance of a subclass
        } else if (value.getClass().isHidden()) {
            interfaces(value.getClass()); // Scaler halve = x -> x / 2: the cells' interface it implements
            SerializedLambdas.of(value).ifPresent(lambda -> lambda(lambda, depth));
        } else {
            type(value.getClass());
            if (isCellClass(value.getClass())) {
                fieldValues(value, depth); // a Shape field may hold a Circle, which its type does not name
            }
        }
    }

    /**
     * The cells' types a lambda takes, returns or is made in ({@code k -> k.n() + base.n()} takes a {@code Knot}),
     * and what it captured: an engine that declares them makes the lambda anew with its own types.
     */
    private void lambda(SerializedLambda lambda, int depth) {
        String named = lambda.getImplClass() + ";" + lambda.getImplMethodSignature()
                + lambda.getInstantiatedMethodType();
        Matcher className = CLASS_IN_DESCRIPTOR.matcher("L" + named);
        while (className.find()) {
            String binaryName = className.group(1).replace('/', '.');
            SnippetNames.declaredName(binaryName).flatMap(cells::declared)
                    .filter(declared -> declared.getName().equals(binaryName))
                    .ifPresent(this::type);
        }
        for (int i = 0; i < lambda.getCapturedArgCount(); i++) {
            value(lambda.getCapturedArg(i), depth + 1);
        }
    }

    private void fieldValues(Object object, int depth) {
        for (Class<?> level = object.getClass(); isCellClass(level); level = level.getSuperclass()) {
            for (Field field : level.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && !field.getType().isPrimitive()) {
                    try {
                        field.setAccessible(true);
                        value(field.get(object), depth + 1);
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        // unreadable: its declared type is declared anyway
                    }
                }
            }
        }
    }

    /** A class (not a record, enum or interface) that cells declared. */
    private static boolean isCellClass(Class<?> c) {
        return c != null && !c.isInterface() && !c.isEnum() && !c.isRecord() && !c.isArray() && !c.isPrimitive()
                && SnippetNames.declaredName(c.getName()).isPresent();
    }

    /**
     * A record or enum class of the cells, after the cells' interfaces it implements and the records and enums its
     * components name.
     */
    private void type(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            for (Type argument : parameterized.getActualTypeArguments()) {
                type(argument);
            }
        } else if (type instanceof GenericArrayType array) {
            type(array.getGenericComponentType());
        } else if (type instanceof Class<?> c) {
            if (c.isArray()) {
                type(c.getComponentType());
            } else if (c.isEnum() && seen.add(c)) {
                declaration(c);
            } else if (c.isRecord() && seen.add(c)) {
                interfaces(c);
                for (RecordComponent component : c.getRecordComponents()) {
                    type(component.getGenericType());
                }
                declaration(c);
            } else if (c.isInterface()) {
                interfaceType(c);
            } else if (isCellClass(c) && seen.add(c)) {
                if (isCellClass(c.getSuperclass())) {
                    type(c.getSuperclass()); // class Walker before class Runner extends Walker
                }
                interfaces(c);
                for (Field field : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(field.getModifiers())) {
                        type(field.getGenericType());
                    }
                }
                declaration(c);
            }
        }
    }

    /** The cells' interfaces {@code c} implements, before it. */
    private void interfaces(Class<?> c) {
        for (Class<?> implemented : c.getInterfaces()) {
            interfaceType(implemented); // interface Shape { double area(); } before record Square
        }
    }

    private void interfaceType(Class<?> c) {
        if (seen.add(c)) {
            declaration(c);
            if (c.isSealed()) {
                // sealed interface Shape permits Circle, Square: no member compiles without the others
                for (Class<?> permitted : c.getPermittedSubclasses()) {
                    type(permitted);
                }
            }
        }
    }

    /**
     * The cells' types {@code source} names beyond those its fields and supertypes tell (a method body's
     * {@code new Helper()}): one the engine lacks would leave the source unusable there. A name that only looks like
     * one of them (a local variable's) brings a type along that nothing uses; it does no harm.
     */
    private void typesNamedIn(String source) {
        Matcher name = NAME.matcher(source);
        while (name.find()) {
            if (namesLookedUp.add(name.group(1))) {
                cells.declared(name.group(1)).ifPresent(this::type);
            }
        }
    }

    private void declaration(Class<?> type) {
        Class<?> topLevel = type; // a member type comes with the top-level type declaring it
        while (topLevel.getDeclaringClass() != null
                && SnippetNames.declaredName(topLevel.getDeclaringClass().getName()).isPresent()) {
            topLevel = topLevel.getDeclaringClass();
        }
        Class<?> declared = topLevel;
        SnippetNames.declaredName(declared.getName())
                .filter(name -> cells.declared(name).orElse(null) == declared)
                .ifPresent(name -> cells.source(name).ifPresent(source -> {
                    methodsCalledIn(source);
                    JsonObject declaration = new JsonObject();
                    declaration.addProperty("name", name);
                    declaration.addProperty("source", source);
                    found.put(name, declaration);
                    // after it: engines resolve a forward reference once its type comes, and a sealed interface
                    // must come before the records it permits, which its source names
                    typesNamedIn(source);
                }));
    }

    /**
     * The cells' top-level methods that {@code source} may call (every overload of a name it calls), each after the
     * methods it calls in turn: a pushed {@code Walker} whose {@code step()} calls the notebook's {@code boost(x)}
     * cannot be used on an engine that lacks {@code boost}. A name that only looks like a call (in a string, a
     * method of the type's own) may bring a method along that nothing calls; it does no harm there.
     */
    private void methodsCalledIn(String source) {
        Matcher call = CALL.matcher(source);
        while (call.find()) {
            String name = call.group(1);
            if (namesCalled.add(name)) {
                cells.methods(name).forEach((signature, methodSource) -> {
                    typesNamedIn(methodSource);
                    methodsCalledIn(methodSource);
                    JsonObject declaration = new JsonObject();
                    declaration.addProperty("kind", "method");
                    declaration.addProperty("name", name);
                    declaration.addProperty("signature", signature);
                    declaration.addProperty("source", methodSource);
                    found.put(name + signature, declaration);
                });
            }
        }
    }
}

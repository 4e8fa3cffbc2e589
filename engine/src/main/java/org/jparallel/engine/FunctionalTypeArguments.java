package org.jparallel.engine;

import java.lang.invoke.MethodType;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The type arguments of a lambda's functional interface, as the place that made it typed it: its instantiated
 * method type binds each type parameter the interface's method takes or returns ({@code Function<Integer,
 * Integer>} for a cell's {@code Function<Integer, Integer> square = x -> x * x}; {@code BinaryOperator<String>}
 * through {@code BiFunction}'s {@code apply}). Empty when a parameter appears only inside another type (a
 * {@code Consumer<List<T>>}), which the method type does not tell.
 *
 * @param functionalInterface the interface the lambda implements
 * @param arguments           the classes its type parameters are bound to, in their order
 */
record FunctionalTypeArguments(Class<?> functionalInterface, List<Class<?>> arguments) {

    static Optional<FunctionalTypeArguments> of(SerializedLambda lambda, ClassLoader loader) {
        try {
            Class<?> functional = Class.forName(lambda.getFunctionalInterfaceClass().replace('/', '.'), false, loader);
            TypeVariable<?>[] parameters = functional.getTypeParameters();
            if (parameters.length == 0) {
                return Optional.empty();
            }
            MethodType erased = MethodType.fromMethodDescriptorString(lambda.getFunctionalInterfaceMethodSignature(),
                    loader);
            Method method = functional.getMethod(lambda.getFunctionalInterfaceMethodName(), erased.parameterArray());
            MethodType instantiated = MethodType.fromMethodDescriptorString(lambda.getInstantiatedMethodType(), loader);
            Map<TypeVariable<?>, Type> inherited = inherited(functional, method.getDeclaringClass(), new HashMap<>());
            Map<TypeVariable<?>, Class<?>> bound = new HashMap<>();
            Type[] generic = method.getGenericParameterTypes();
            for (int i = 0; i < generic.length; i++) {
                bind(inherited.getOrDefault(generic[i], generic[i]), instantiated.parameterType(i), functional, bound);
            }
            Type returned = method.getGenericReturnType();
            bind(inherited.getOrDefault(returned, returned), instantiated.returnType(), functional, bound);
            List<Class<?>> arguments = new ArrayList<>();
            for (TypeVariable<?> parameter : parameters) {
                Class<?> argument = bound.get(parameter);
                if (argument == null) {
                    return Optional.empty();
                }
                arguments.add(argument);
            }
            return Optional.of(new FunctionalTypeArguments(functional, List.copyOf(arguments)));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return Optional.empty(); // a class of its signature this JVM cannot load: declared raw, as before
        }
    }

    private static void bind(Type type, Class<?> instantiated, Class<?> functional,
            Map<TypeVariable<?>, Class<?>> bound) {
        if (type instanceof TypeVariable<?> variable && variable.getGenericDeclaration() == functional
                && instantiated != void.class) {
            bound.putIfAbsent(variable, MethodType.methodType(instantiated).wrap().returnType());
        }
    }

    /**
     * What the type parameters of {@code declaring}, a superinterface the method comes from, stand for in
     * {@code type}'s terms: {@code BiFunction}'s T, U and R are each {@code BinaryOperator}'s T.
     */
    private static Map<TypeVariable<?>, Type> inherited(Class<?> type, Class<?> declaring,
            Map<TypeVariable<?>, Type> known) {
        if (type == declaring) {
            return known;
        }
        for (Type superinterface : type.getGenericInterfaces()) {
            Class<?> raw = superinterface instanceof ParameterizedType p ? (Class<?>) p.getRawType()
                    : (Class<?>) superinterface;
            if (!declaring.isAssignableFrom(raw)) {
                continue;
            }
            Map<TypeVariable<?>, Type> theirs = new HashMap<>();
            if (superinterface instanceof ParameterizedType parameterized) {
                TypeVariable<?>[] parameters = raw.getTypeParameters();
                Type[] arguments = parameterized.getActualTypeArguments();
                for (int i = 0; i < parameters.length; i++) {
                    theirs.put(parameters[i], known.getOrDefault(arguments[i], arguments[i]));
                }
            }
            return inherited(raw, declaring, theirs);
        }
        return known;
    }
}

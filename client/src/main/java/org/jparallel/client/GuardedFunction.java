package org.jparallel.client;

import java.util.List;

/**
 * What a load-balanced task with {@code require}/{@code depend} flags sends: the user's function behind the
 * checks, which run first on the engine and throw {@link UnmetDependency} where they fail. Lives in the client
 * jar, which engines have on their class path, so only the user's function and conditions travel as bytecode.
 */
record GuardedFunction(RemoteFunction function, List<String> requires, List<EngineCondition> conditions)
        implements RemoteFunction {

    @Override
    public Object invoke(Object[] args) throws Exception {
        ClassLoader engineLoader = GuardedFunction.class.getClassLoader();
        for (String name : requires) {
            if (!present(name, engineLoader)) {
                throw new UnmetDependency((name.contains("/") ? "the resource " : "the class ") + name
                        + " is not on this engine's class path");
            }
        }
        for (int i = 0; i < conditions.size(); i++) {
            EngineCondition condition = conditions.get(i);
            String name = condition instanceof DescribedCondition ? condition.toString() : "#" + (i + 1);
            boolean met;
            try {
                met = condition.test();
            } catch (Exception | LinkageError e) {
                throw new UnmetDependency("the depend condition " + name + " threw " + e);
            }
            if (!met) {
                throw new UnmetDependency("the depend condition " + name + " is false on this engine");
            }
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try {
            thread.setContextClassLoader(function.getClass().getClassLoader()); // as an unguarded call has it
            return function.invoke(args);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** A name with a slash is a resource ({@code META-INF/x.txt}); others are binary class names. */
    private static boolean present(String name, ClassLoader loader) {
        if (name.contains("/")) {
            return loader.getResource(name) != null;
        }
        try {
            Class.forName(name, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    static RemoteFunction wrap(RemoteFunction function, TaskFlags flags) {
        return flags.requires().isEmpty() && flags.conditions().isEmpty() ? function
                : new GuardedFunction(function, flags.requires(), flags.conditions());
    }
}

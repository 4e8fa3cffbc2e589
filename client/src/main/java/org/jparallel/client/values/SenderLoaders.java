package org.jparallel.client.values;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The current shipped-class loader of each sender session, reused across messages so that a
 * class is defined once. When a sender ships new bytecode under a known name (a snippet JShell
 * recompiled), the sender moves to a new loader generation holding all its classes, the new
 * bytecode winning; values decoded earlier keep their classes.
 */
final class SenderLoaders {

    private final ClassLoader parent;
    private final Map<UUID, ShippedClassLoader> current = new HashMap<>();
    private final Map<UUID, Integer> generations = new HashMap<>();

    SenderLoaders(ClassLoader parent) {
        this.parent = parent;
    }

    ClassLoader parent() {
        return parent;
    }

    /** The loader for {@code origin} that defines {@code classes} as shipped in this message. */
    synchronized ShippedClassLoader loaderFor(UUID origin, Map<String, byte[]> classes) {
        ShippedClassLoader loader = current.get(origin);
        if (loader != null && loader.agreesWith(classes)) {
            loader.addAll(classes);
            return loader;
        }
        Map<String, byte[]> all = new HashMap<>();
        if (loader != null) {
            all.putAll(loader.classes());
        }
        all.putAll(classes);
        int generation = generations.merge(origin, 1, Integer::sum);

        ShippedClassLoader next = new ShippedClassLoader(origin, generation, parent, all);
        current.put(origin, next);
        return next;
    }
}

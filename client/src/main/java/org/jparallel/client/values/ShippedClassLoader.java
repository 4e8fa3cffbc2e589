package org.jparallel.client.values;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jparallel.repl.StopChecks;

/**
 * Defines the classes one sender session shipped. Snippet class names ({@code REPL.$JShell$12})
 * repeat in every JShell session, so each sender gets loaders of its own, and a shipped name is
 * defined here before the parent is asked (the parent may be this JVM's own JShell loader).
 * A class cannot be defined twice in one loader: new bytecode for a known name needs a new
 * generation (see {@link SenderLoaders}).
 *
 * <p>Other shipped classes (a program's own, from its source file or its class folder) that the parent has too,
 * with the same bytecode, are the parent's: values of them then mix with this JVM's own code, as when the
 * engines were started with the program's class folder on their class path. A class of that name with other
 * bytecode there is another class, and the shipped one is defined here.
 *
 * <p>On JDK 20 and later, classes defined here carry stop checks ({@link StopChecks}), so that an engine can stop a
 * function a client sent; {@link #bytecode} keeps the bytes as shipped, which go on from here as they came.
 */
final class ShippedClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private static final String JSHELL_PACKAGE = "REPL.";
    /** How the names of these loaders begin (stack frames name their loader). */
    static final String NAME_PREFIX = "shipped-";

    private final UUID origin;
    private final Map<String, byte[]> classes;
    private final Map<String, Boolean> sameInParent = new ConcurrentHashMap<>();
    /** Copies of this sender's wrappers that name a receiver's cell types, by wrapper ({@link HomeWrapper}). */
    private final Map<String, HomeWrapper.Made> homeCopies = new ConcurrentHashMap<>();

    ShippedClassLoader(UUID origin, int generation, ClassLoader parent, Map<String, byte[]> classes) {
        super(NAME_PREFIX + origin + "-" + generation, parent);
        this.origin = origin;
        this.classes = new ConcurrentHashMap<>(classes);
    }

    UUID origin() {
        return origin;
    }

    /** The bytecode this loader defines {@code name} from, if it was shipped to it. */
    Optional<byte[]> bytecode(String name) {
        return Optional.ofNullable(classes.get(name));
    }

    /** Whether every class in {@code incoming} is either new here or has the same bytecode. */
    boolean agreesWith(Map<String, byte[]> incoming) {
        for (Map.Entry<String, byte[]> entry : incoming.entrySet()) {
            byte[] known = classes.get(entry.getKey());
            if (known != null && !Arrays.equals(known, entry.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** Adds classes not known yet; call only when {@link #agreesWith} holds. */
    void addAll(Map<String, byte[]> incoming) {
        incoming.forEach(classes::putIfAbsent);
    }

    Map<String, HomeWrapper.Made> homeCopies() {
        return homeCopies;
    }

    Map<String, byte[]> classes() {
        return Map.copyOf(classes);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null || sameInParent.computeIfAbsent(name, n -> parentHasSame(n, bytes))) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> type = findLoadedClass(name);
            if (type == null) {
                byte[] defined = TaskStop.WOVEN ? StopChecks.woven(bytes, TaskStop.CHECKS) : bytes;
                type = defineClass(name, defined, 0, defined.length);
            }
            if (resolve) {
                resolveClass(type);
            }
            return type;
        }
    }

    private boolean parentHasSame(String name, byte[] bytes) {
        if (name.startsWith(JSHELL_PACKAGE) || getParent() == null) {
            return false;
        }
        try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
            return in != null && Arrays.equals(in.readAllBytes(), bytes);
        } catch (IOException e) {
            return false; // unreadable there: defined here, as if the parent had none
        }
    }
}

package org.jparallel.client.values;

import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jparallel.repl.DeclaredTypes;
import org.jparallel.repl.SnippetNames;
import org.jparallel.repl.StopChecks;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.SimpleRemapper;

/**
 * A copy of a sender's cell wrapper ({@code REPL.$JShell$12}, where a cell's lambda lives) whose code names the
 * receiver's cell types instead of the sender's, where the receiver declares one of the same name and shape: a
 * lambda made anew through it takes and makes the receiver's records ({@code Function<Q, Double> fq = Q::sq} pushed
 * to engines that declare {@code Q}), where the sender's would fail with "class Q cannot be cast to class Q".
 *
 * <p>The copy is defined, under a name of its own, beside the receiver's cell types (their loader and package), since
 * a cell's record has package-private members that the lambda's code may call. So every class the wrapper names must
 * be one the receiver has: the sender's cell types it names all alike here, the rest the receiver's loader finds.
 */
final class HomeWrapper {
    /** The class a session's woven stop checks call on JDK 17 to 19 (see CellExecutionControl). */
    private static final String SENDERS_STOP_CHECKS = "REPL/$Stop$";
    /** The class JShell weaves its own stop checks against from JDK 20 on, in every session. */
    private static final String JSHELL_STOP_CHECKS = "REPL.$Cancel$";

    private HomeWrapper() {
    }

    /**
     * The copy of {@code wrapper} (a binary name) shipped to {@code sender}, or empty when its code names no sender's
     * cell type that the receiver declares alike. Made once per sender's loader while the receiver's declarations of
     * the names it looked up stay the same: each push of the same lambda does not define another class.
     */
    static Optional<Class<?>> of(String wrapper, ShippedClassLoader sender, DeclaredTypes home) {
        Made made = sender.homeCopies().get(wrapper);
        if (made != null && made.stillHolds(home)) {
            return made.copy();
        }
        Map<String, Optional<Class<?>>> lookedUp = new HashMap<>();
        Optional<Class<?>> copy = copy(wrapper, sender, home, lookedUp);
        sender.homeCopies().put(wrapper, new Made(Map.copyOf(lookedUp), copy));
        return copy;
    }

    /** A copy made, and the receiver's declarations it was made for, by name. */
    record Made(Map<String, Optional<Class<?>>> declared, Optional<Class<?>> copy) {
        boolean stillHolds(DeclaredTypes home) {
            return declared.entrySet().stream().allMatch(entry -> home.declared(entry.getKey()).equals(entry.getValue()));
        }
    }

    private static Optional<Class<?>> copy(String wrapper, ShippedClassLoader sender, DeclaredTypes home,
                                           Map<String, Optional<Class<?>>> lookedUp) {
        Optional<byte[]> bytes = sender.bytecode(wrapper);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Class<?>> homes = new HashMap<>();
        Map<String, String> renamed = new HashMap<>();
        for (String name : ConstantPool.mentionedClasses(bytes.get())) {
            Optional<String> declaredName = SnippetNames.declaredName(name);
            Optional<Class<?>> mine = declaredName.flatMap(home::declared);
            declaredName.ifPresent(declared -> lookedUp.put(declared, mine));
            if (mine.isPresent() && mine.get().getClassLoader() != sender && alike(name, sender, mine.get())) {
                homes.put(mine.get().getName(), mine.get());
                renamed.put(name.replace('.', '/'), mine.get().getName().replace('.', '/'));
            }
        }
        if (homes.isEmpty()) {
            return Optional.empty();
        }
        // The stop checks the sender's session wove in call its own class: here, the receiver's for shipped code.
        renamed.put(SENDERS_STOP_CHECKS, TaskStop.CHECKS);
        Class<?> beside = homes.values().iterator().next();
        if (!allReachable(bytes.get(), wrapper, renamed, beside)) {
            return Optional.empty();
        }
        // A name of the sender's wrapper's form, unique here: traces name its frames as a cell's.
        renamed.put(wrapper.replace('.', '/'),
                wrapper.replace('.', '/') + "copy" + UUID.randomUUID().toString().replace("-", ""));
        ClassReader reader = new ClassReader(bytes.get());
        ClassWriter writer = new ClassWriter(0);
        reader.accept(new ClassRemapper(writer, new SimpleRemapper(renamed)), 0);
        byte[] copy = TaskStop.WOVEN ? StopChecks.woven(writer.toByteArray(), TaskStop.CHECKS) : writer.toByteArray();
        try {
            return Optional.of(MethodHandles.privateLookupIn(beside, MethodHandles.lookup()).defineClass(copy));
        } catch (IllegalAccessException | LinkageError | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether every class the wrapper names is one the receiver has: each of the sender's cell types and wrappers
     * among them is renamed to the receiver's, and the receiver's loader finds the others (the JDK's, a jar's).
     */
    private static boolean allReachable(byte[] bytes, String wrapper, Map<String, String> renamed, Class<?> beside) {
        for (String name : ConstantPool.mentionedClasses(bytes)) {
            String internal = name.replace('.', '/');
            if (name.equals(wrapper) || renamed.containsKey(internal)
                    || renamed.keySet().stream().anyMatch(key -> key.startsWith(internal + "$"))) {
                continue; // itself, a renamed type, or the wrapper a renamed type is a member of (InnerClasses only)
            }
            if (name.startsWith("REPL.") && !name.equals(JSHELL_STOP_CHECKS)) {
                return false; // another of the sender's cells, which the receiver has not (JShell's checks it has)
            }
            if (name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0)) || name.endsWith(".java")) {
                continue; // a piece of a descriptor, or the source file's name: not a class
            }
            if (name.matches("[\\p{javaJavaIdentifierPart}.$]+") && name.contains(".")) {
                try {
                    Class.forName(name, false, beside.getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Whether the receiver's class has what the sender's declares for others to use: the same kind, and each field,
     * method and constructor that is not private, of the same name and of types that are the same or cell types of
     * the same names. Code written against the sender's then runs against the receiver's.
     */
    private static boolean alike(String name, ClassLoader sender, Class<?> mine) {
        Class<?> theirs;
        try {
            theirs = Class.forName(name, false, sender);
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
        if (theirs.isRecord() != mine.isRecord() || theirs.isEnum() != mine.isEnum()
                || theirs.isInterface() != mine.isInterface()) {
            return false;
        }
        try {
            for (Field field : theirs.getDeclaredFields()) {
                if (visible(field.getModifiers(), field.isSynthetic())
                        && !same(field.getType(), mine.getDeclaredField(field.getName()).getType())) {
                    return false;
                }
            }
            for (Method method : theirs.getDeclaredMethods()) {
                if (visible(method.getModifiers(), method.isSynthetic()) && Arrays.stream(mine.getDeclaredMethods())
                        .noneMatch(m -> m.getName().equals(method.getName()) && same(m.getReturnType(), method.getReturnType())
                                && same(m.getParameterTypes(), method.getParameterTypes()))) {
                    return false;
                }
            }
            for (Constructor<?> constructor : theirs.getDeclaredConstructors()) {
                if (visible(constructor.getModifiers(), constructor.isSynthetic()) && Arrays.stream(mine.getDeclaredConstructors())
                        .noneMatch(c -> same(c.getParameterTypes(), constructor.getParameterTypes()))) {
                    return false;
                }
            }
            return true;
        } catch (NoSuchFieldException | LinkageError e) {
            return false;
        }
    }

    private static boolean visible(int modifiers, boolean synthetic) {
        return !Modifier.isPrivate(modifiers) && !synthetic;
    }

    private static boolean same(Class<?>[] theirs, Class<?>[] mine) {
        if (theirs.length != mine.length) {
            return false;
        }
        for (int i = 0; i < theirs.length; i++) {
            if (!same(theirs[i], mine[i])) {
                return false;
            }
        }
        return true;
    }

    /** The same class, or cell types of the same name (each side's own), or arrays of such. */
    private static boolean same(Class<?> theirs, Class<?> mine) {
        if (theirs == mine) {
            return true;
        }
        if (theirs.isArray() && mine.isArray()) {
            return same(theirs.getComponentType(), mine.getComponentType());
        }
        Optional<String> name = SnippetNames.declaredName(theirs.getName());
        return name.isPresent() && name.equals(SnippetNames.declaredName(mine.getName()));
    }
}

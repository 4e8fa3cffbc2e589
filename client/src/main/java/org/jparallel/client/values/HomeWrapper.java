package org.jparallel.client.values;

import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jparallel.repl.DeclaredTypes;
import org.jparallel.repl.SnippetNames;
import org.jparallel.repl.StopChecks;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.MethodRemapper;
import org.objectweb.asm.commons.Remapper;
import org.objectweb.asm.commons.SimpleRemapper;

/**
 * A copy of a sender's cell wrapper ({@code REPL.$JShell$12}, where a cell's lambda lives) whose code names the
 * receiver's cell types instead of the sender's, where the receiver declares one of the same name and shape: a
 * lambda made anew through it takes and makes the receiver's records ({@code Function<Q, Double> fq = Q::sq} pushed
 * to engines that declare {@code Q}), where the sender's would fail with "class Q cannot be cast to class Q".
 *
 * <p>The copy is defined, under a name of its own, beside the receiver's cell types (their loader and package), since
 * a cell's record has package-private members that the lambda's code may call. So every class the wrapper names must
 * be one the receiver has: the sender's cell types it names all alike here, the sender's other wrappers whose
 * variables it reads copied too (with the values sent, made the receiver's: {@code v -> v.x() + base.x()} with
 * {@code Q base = new Q(1)} reads the receiver's {@code Q}), the rest found by the receiver's loader.
 *
 * <p>The copy's {@code $deserializeLambda$} compares the names it was renamed to, so a lambda it made serializes
 * and comes back through it as any cell's lambda does ({@code Comparator.comparingInt(Q::n)} made anew with it),
 * and the receiver's session ships the copy with such a lambda, which can go on to another JVM or come back.
 */
final class HomeWrapper {
    /** The class a session's woven stop checks call on JDK 17 to 19 (see CellExecutionControl). */
    private static final String SENDERS_STOP_CHECKS = "REPL/$Stop$";
    /** What a copy's name has between the sender's wrapper's name and its own unique part. */
    static final String COPY_MARK = "copy";
    /** The class JShell weaves its own stop checks against from JDK 20 on, in every session. */
    private static final String JSHELL_STOP_CHECKS = "REPL.$Cancel$";

    private HomeWrapper() {
    }

    /**
     * The copy of {@code wrapper} (a binary name) shipped to {@code sender}, or empty when its code names no sender's
     * cell type that the receiver declares alike. Made once per sender's loader while the receiver's declarations of
     * the names it looked up stay the same: each push of the same lambda does not define another class. The values
     * of the variables it reads are made the receiver's by {@code homeValue}.
     */
    static Optional<Copy> of(String wrapper, ShippedClassLoader sender, DeclaredTypes home,
                             UnaryOperator<Object> homeValue) {
        Made made = sender.homeCopies().get(wrapper);
        if (made != null && made.stillHolds(home, homeValue)) {
            return made.copy();
        }
        Map<String, Optional<Class<?>>> lookedUp = new HashMap<>();
        Map<Class<?>, Class<?>> variables = new HashMap<>();
        Optional<Copy> copy = copy(wrapper, sender, home, homeValue, lookedUp, variables);
        sender.homeCopies().put(wrapper, new Made(Map.copyOf(lookedUp), Map.copyOf(variables), copy));
        return copy;
    }

    /** A wrapper's copy, and its renaming of the sender's names, which a lambda it makes anew is described in. */
    record Copy(Class<?> type, Remapper renaming) {
        /** A class's internal name or a method descriptor, as the copy names it. */
        String name(String internalNames) {
            return renamed(renaming, internalNames);
        }
    }

    private static String renamed(Remapper renaming, String internalNames) {
        return internalNames.startsWith("(") ? renaming.mapMethodDesc(internalNames) : renaming.mapType(internalNames);
    }

    /**
     * A copy made, the receiver's declarations it was made for (by name), and the copies of the other wrappers whose
     * variables it reads, by the sender's wrapper.
     */
    record Made(Map<String, Optional<Class<?>>> declared, Map<Class<?>, Class<?>> variables,
                Optional<Copy> copy) {
        /** Whether it still serves: the declarations are the same, and the variables' values (sent anew) fit. */
        boolean stillHolds(DeclaredTypes home, UnaryOperator<Object> homeValue) {
            if (!declared.entrySet().stream()
                    .allMatch(entry -> home.declared(entry.getKey()).equals(entry.getValue()))) {
                return false;
            }
            try {
                for (Map.Entry<Class<?>, Class<?>> pair : variables.entrySet()) {
                    if (!sameVariables(pair.getKey(), pair.getValue(), homeValue)) {
                        return false;
                    }
                }
                return true;
            } catch (IllegalAccessException | RuntimeException e) {
                return false;
            }
        }
    }

    private static Optional<Copy> copy(String wrapper, ShippedClassLoader sender, DeclaredTypes home,
                                       UnaryOperator<Object> homeValue, Map<String, Optional<Class<?>>> lookedUp,
                                       Map<Class<?>, Class<?>> variables) {
        Map<String, Class<?>> homes = new HashMap<>();
        Map<String, String> renamed = new HashMap<>();
        // The wrapper, and the sender's other wrappers whose variables or methods it uses (v -> v.x() * factor).
        Map<String, byte[]> wrappers = new LinkedHashMap<>();
        Map<String, Set<String>> mentions = new HashMap<>(); // the classes each wrapper names, read once
        Deque<String> toRead = new ArrayDeque<>(List.of(wrapper));
        while (!toRead.isEmpty()) {
            String next = toRead.poll();
            Optional<byte[]> bytes = sender.bytecode(next);
            if (bytes.isEmpty()) {
                return Optional.empty();
            }
            wrappers.put(next, bytes.get());
            mentions.put(next, ConstantPool.mentionedClasses(bytes.get()));
            for (String name : mentions.get(next)) {
                Optional<String> declaredName = SnippetNames.declaredName(name);
                Optional<Class<?>> mine = declaredName.flatMap(home::declared);
                declaredName.ifPresent(declared -> lookedUp.put(declared, mine));
                if (mine.isPresent() && mine.get().getClassLoader() != sender && alike(name, sender, mine.get())) {
                    homes.put(mine.get().getName(), mine.get());
                    renamed.put(name.replace('.', '/'), mine.get().getName().replace('.', '/'));
                } else if (SnippetNames.isWrapper(name) && !wrappers.containsKey(name) && !toRead.contains(name)
                        && sender.bytecode(name).isPresent() && uses(bytes.get(), name)) {
                    toRead.add(name);
                }
            }
        }
        if (homes.isEmpty()) {
            return Optional.empty();
        }
        // The stop checks the sender's session wove in call its own class: here, the receiver's for shipped code.
        renamed.put(SENDERS_STOP_CHECKS, TaskStop.CHECKS);
        for (String copied : wrappers.keySet()) {
            // A name of the sender's wrapper's form, unique here: traces name its frames as a cell's.
            renamed.put(copied.replace('.', '/'),
                    copied.replace('.', '/') + COPY_MARK + UUID.randomUUID().toString().replace("-", ""));
        }
        Class<?> beside = homes.values().iterator().next();
        for (Set<String> named : mentions.values()) {
            if (!allReachable(named, renamed, beside)) {
                return Optional.empty();
            }
        }
        Remapper renaming = new SimpleRemapper(renamed);
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(beside, MethodHandles.lookup());
            Class<?> copy = null;
            for (Map.Entry<String, byte[]> entry : wrappers.entrySet()) {
                ClassWriter writer = new ClassWriter(0);
                new ClassReader(entry.getValue()).accept(new CopyRemapper(writer, renaming), 0);
                byte[] bytes = writer.toByteArray();
                Class<?> defined = lookup.defineClass(
                        TaskStop.WOVEN ? StopChecks.woven(bytes, TaskStop.CHECKS) : bytes);
                home.definedBeside(defined.getName(), bytes); // a lambda it makes can travel on
                if (entry.getKey().equals(wrapper)) {
                    copy = defined;
                    continue;
                }
                Class<?> shipped = Class.forName(entry.getKey(), false, sender);
                if (!sameVariables(shipped, defined, homeValue)) {
                    return Optional.empty(); // a variable of the sender's own types, which the copy could not hold
                }
                variables.put(shipped, defined);
            }
            return Optional.ofNullable(copy).map(type -> new Copy(type, renaming));
        } catch (IllegalAccessException | ClassNotFoundException | LinkageError | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Renames a wrapper's classes, and in its {@code $deserializeLambda$} the names it compares a lambda's description
     * with too, which javac wrote there as strings.
     */
    private static final class CopyRemapper extends ClassRemapper {
        private final Remapper descriptions;
        private boolean deserializing;

        CopyRemapper(ClassVisitor writer, Remapper renaming) {
            super(writer, renaming);
            this.descriptions = new Remapper() {
                @Override
                public String map(String internalName) {
                    return renaming.map(internalName);
                }

                @Override
                public Object mapValue(Object value) {
                    return value instanceof String text && text.contains("REPL/") ? renamed(renaming, text)
                            : super.mapValue(value);
                }
            };
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                         String[] exceptions) {
            deserializing = name.equals("$deserializeLambda$");
            return super.visitMethod(access, name, descriptor, signature, exceptions);
        }

        /**
         * A member type renamed to the receiver's names the receiver's class it is a member of, not the sender's
         * wrapper: the copy then names none of the sender's classes, and can itself be copied where it goes next.
         */
        @Override
        public void visitInnerClass(String name, String outerName, String innerName, int access) {
            String mine = remapper.mapType(name);
            if (outerName != null && innerName != null && !mine.equals(name) && mine.endsWith("$" + innerName)) {
                cv.visitInnerClass(mine, mine.substring(0, mine.length() - innerName.length() - 1), innerName, access);
                return;
            }
            super.visitInnerClass(name, outerName, innerName, access);
        }

        @Override
        protected MethodVisitor createMethodRemapper(MethodVisitor methodVisitor) {
            return new MethodRemapper(methodVisitor, deserializing ? descriptions : remapper);
        }
    }

    /** Whether the wrapper's code reads a static field of {@code other} (a cell variable) or calls its methods. */
    private static boolean uses(byte[] bytes, String other) {
        String internal = other.replace('.', '/');
        boolean[] uses = {false};
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitFieldInsn(int opcode, String owner, String field, String type) {
                        uses[0] |= owner.equals(internal);
                    }

                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String type, boolean itf) {
                        uses[0] |= owner.equals(internal);
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return uses[0];
    }

    /**
     * Gives the copy of another wrapper the values of the sender's variables (the shipped wrapper holds those the
     * lambda's code reads, as they were sent), each made the receiver's by {@code homeValue}; false when one stays an
     * object of the sender's own classes, which code naming the receiver's types could not use.
     */
    private static boolean sameVariables(Class<?> shipped, Class<?> copy, UnaryOperator<Object> homeValue)
            throws IllegalAccessException {
        for (Field field : shipped.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers()) || Modifier.isFinal(field.getModifiers())) {
                continue;
            }
            field.setAccessible(true);
            Object value = field.getType().isPrimitive() ? field.get(null) : homeValue.apply(field.get(null));
            if (value != null && value.getClass().getClassLoader() instanceof ShippedClassLoader) {
                return false;
            }
            try {
                Field mine = copy.getDeclaredField(field.getName());
                mine.setAccessible(true);
                mine.set(null, value);
            } catch (NoSuchFieldException e) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether every class a wrapper names ({@code named}) is one the receiver has: each of the sender's cell types
     * and wrappers among them is renamed (to the receiver's, or to a copy), and the receiver's loader finds the others
     * (the JDK's, a jar's).
     */
    private static boolean allReachable(Set<String> named, Map<String, String> renamed, Class<?> beside) {
        for (String name : named) {
            String internal = name.replace('.', '/');
            if (renamed.containsKey(internal)
                    || renamed.keySet().stream().anyMatch(key -> key.startsWith(internal + "$"))) {
                continue; // a renamed class, or the wrapper a renamed type is a member of (named in InnerClasses only)
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

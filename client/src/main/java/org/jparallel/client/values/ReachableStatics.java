package org.jparallel.client.values;

import java.lang.invoke.SerializedLambda;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The static fields of this session's snippet classes that the code of one message can read, found in the
 * bytecode. JShell keeps cell variables in static fields of wrapper classes,
 * and a wrapper holds the whole cell: shipping every static of every class a lambda mentions would
 * drag along {@code var v = rc.all()} read only by the cell that calls {@code v.map(x -> x * x)}.
 *
 * <p>Code starts at roots: a lambda's implementation method, and every method of a class whose
 * instances (or class object) the message carries. From there {@code getstatic}/{@code putstatic}
 * name fields; calls, method handles and the bootstrap arguments of dynamic call sites lead into
 * more methods; {@code new} makes every method of that class reachable (its instances exist now,
 * whatever calls them); touching a class runs its static initializer. A field only written needs no value
 * from here, and neither does one that a class's initializer reads of its own: the initializer runs there
 * too, and sets it first ({@code static Object lock = new Object()} in a program's main class must not
 * make every lambda of that class carry, and fail on, an {@code Object}). A class literal may be
 * reflected upon: all its statics count. Reflection by name ({@code Class.forName},
 * {@code getDeclaredField}, {@code Lookup.findStatic}, ...) could reach anything: then every
 * static counts, as if nothing were known. One per encoded message; not thread-safe.
 */
final class ReachableStatics {

    private static final int GET_STATIC = 2;
    private static final int PUT_STATIC = 4;
    private static final int NEW_INVOKE_SPECIAL = 8;

    private record Task(String label, Runnable work) {
    }

    private final ParsedClasses classes;
    private final Deque<Task> pending = new ArrayDeque<>();
    private final Set<String> visited = new HashSet<>();
    private final Set<String> wholeClasses = new HashSet<>();
    private final Set<String> touched = new HashSet<>();
    private final Set<String> capturingClasses = new HashSet<>();
    private final Set<String> roots = new HashSet<>();
    private final Map<String, String> readerByField = new HashMap<>();
    private final Map<String, String> readerByClass = new HashMap<>();
    private String readerOfEverything;

    /** Reach over the classes {@code ownBytecode} knows (binary name to class file); others are not this session's. */
    ReachableStatics(Function<String, Optional<byte[]>> ownBytecode) {
        this.classes = new ParsedClasses(ownBytecode);
    }

    /** A lambda that is serialized, as its {@code writeReplace} form; {@code label} names the part of the message. */
    void fromLambda(SerializedLambda lambda, String label) {
        String capturing = binary(lambda.getCapturingClass());
        capturingClasses.add(capturing);
        ConstantPool.Member impl = new ConstantPool.Member(binary(lambda.getImplClass()),
                lambda.getImplMethodName(), lambda.getImplMethodSignature());
        if (!roots.add("lambda " + impl)) {
            return;
        }
        later(label, () -> {
            touch(capturing, label);
            handle(new ConstantPool.Handle(lambda.getImplMethodKind(), impl), label);
        });
    }

    /** A class whose instances the message carries: any of its methods may run on the other side. */
    void fromInstance(String className, String label) {
        if (roots.add("class " + className)) {
            later(label, () -> whole(className, label));
        }
    }

    /**
     * A class whose descriptor the message carries: an instance's class or superclass, or a class
     * object. The class that merely holds a lambda's body is the exception: only that body runs.
     */
    void fromDescriptor(String className, String label) {
        if (!capturingClasses.contains(className)) {
            fromInstance(className, label);
        }
    }

    boolean hasPending() {
        return !pending.isEmpty();
    }

    /** Follows the code from every root given since the last call. Call once the shipment holds the classes. */
    void settle() {
        while (!pending.isEmpty()) {
            Task task = pending.poll();
            try {
                task.work().run();
            } catch (UndecodableValueException e) {
                // Bytecode this reader does not follow: assume it reads anything, as if nothing were known.
                readAnything(task.label());
            }
        }
    }

    /** The part of the message whose code may read or write {@code className.field}, if any. */
    Optional<String> readerOf(String className, String field) {
        String reader = readerByField.get(className + "." + field);
        if (reader == null) {
            reader = readerByClass.get(className);
        }
        return Optional.ofNullable(reader == null ? readerOfEverything : reader);
    }

    private void whole(String className, String label) {
        Optional<ClassFile> found = classes.get(className);
        if (found.isEmpty() || !wholeClasses.add(className)) {
            return;
        }
        ClassFile type = found.get();
        touch(className, label);
        for (ClassFile.Method method : type.methods) {
            // Lambda bodies run only where a reached method creates them, or as roots of their own.
            if (!method.name().startsWith("lambda$") && !method.name().equals("$deserializeLambda$")) {
                visit(type, method, label);
            }
        }
        type.superName.ifPresent(name -> whole(name, label));
        type.interfaces.forEach(name -> whole(name, label));
    }

    /** Initialization: the static initializers of the class and its supertypes. */
    private void touch(String className, String label) {
        Optional<ClassFile> found = classes.get(className);
        if (found.isEmpty() || !touched.add(className)) {
            return;
        }
        ClassFile type = found.get();
        type.method("<clinit>", "()V").ifPresent(init -> visit(type, init, label));
        type.superName.ifPresent(name -> touch(name, label));
        type.interfaces.forEach(name -> touch(name, label));
    }

    /** A call: the method it resolves to, unless it looks members up by name. */
    private void call(ConstantPool.Member method, String label) {
        if (reflects(method)) {
            readAnything(label);
            return;
        }
        later(label, () -> classes.method(method)
                .forEach(declared -> visit(declared.type(), declared.method(), label)));
    }

    private void visit(ClassFile type, ClassFile.Method method, String label) {
        if (!visited.add(type.name + "." + method.name() + method.descriptor())) {
            return;
        }
        touch(type.name, label);
        if (method.code().isEmpty()) {
            return;
        }
        ConstantPool pool = type.pool;
        boolean initializer = method.name().equals("<clinit>");
        for (MethodCode.Reference reference : MethodCode.references(method.code().get())) {
            switch (reference.opcode()) {
                case MethodCode.GETSTATIC -> {
                    ConstantPool.Member field = pool.member(reference.index());
                    if (initializer && field.owner().equals(type.name)) {
                        written(field, label);
                    } else {
                        field(field, label);
                    }
                }
                case MethodCode.PUTSTATIC -> written(pool.member(reference.index()), label);
                case MethodCode.INVOKEVIRTUAL, MethodCode.INVOKESPECIAL, MethodCode.INVOKESTATIC,
                        MethodCode.INVOKEINTERFACE -> call(pool.member(reference.index()), label);
                case MethodCode.INVOKEDYNAMIC -> dynamic(type, pool.bootstrap(reference.index()), label);
                case MethodCode.NEW -> {
                    String created = pool.className(reference.index());
                    later(label, () -> whole(created, label));
                }
                case MethodCode.LDC, MethodCode.LDC_W, MethodCode.LDC2_W -> constant(type, reference.index(), label);
                default -> {
                    // Instance fields, casts and array creation run no code of the class.
                }
            }
        }
    }

    /** A loadable constant: a class literal, a method handle, a dynamic constant; strings and numbers run nothing. */
    private void constant(ClassFile type, int index, String label) {
        switch (type.pool.tag(index)) {
            case ConstantPool.CLASS -> {
                String literal = type.pool.className(index);
                readerByClass.putIfAbsent(literal, label);
                later(label, () -> whole(literal, label));
            }
            case ConstantPool.METHOD_HANDLE -> handle(type.pool.handle(index), label);
            case ConstantPool.DYNAMIC -> dynamic(type, type.pool.bootstrap(index), label);
            default -> {
            }
        }
    }

    /** A dynamic call site or constant: its bootstrap method and every static argument. */
    private void dynamic(ClassFile type, int bootstrapIndex, String label) {
        if (bootstrapIndex >= type.bootstraps.size()) {
            throw new UndecodableValueException(type.name + " has no bootstrap method " + bootstrapIndex);
        }
        ClassFile.Bootstrap bootstrap = type.bootstraps.get(bootstrapIndex);
        if (!visited.add(type.name + "#bootstrap" + bootstrapIndex)) {
            return;
        }
        handle(type.pool.handle(bootstrap.handle()), label);
        for (int argument : bootstrap.arguments()) {
            constant(type, argument, label);
        }
    }

    private void handle(ConstantPool.Handle handle, String label) {
        switch (handle.kind()) {
            case GET_STATIC -> field(handle.member(), label);
            case PUT_STATIC -> written(handle.member(), label);
            case NEW_INVOKE_SPECIAL -> later(label, () -> whole(handle.member().owner(), label));
            case 5, 6, 7, 9 -> call(handle.member(), label);
            default -> {
                // getField, putField: an instance exists already, its class is reached through it.
            }
        }
    }

    /**
     * A static field access. Interface constants are final, so not carried, but touching the
     * interface runs its initializer, which may read cell variables.
     */
    private void field(ConstantPool.Member field, String label) {
        later(label, () -> classes.staticField(field).ifPresent(type -> {
            readerByField.putIfAbsent(type.name + "." + field.name(), label);
            touch(type.name, label);
        }));
    }

    /** A static field written (or read by its own class's initializer): its class is initialized, no value needed. */
    private void written(ConstantPool.Member field, String label) {
        later(label, () -> classes.staticField(field).ifPresent(type -> touch(type.name, label)));
    }

    /** Work for {@link #settle}: lookups wait until the shipment holds the classes. */
    private void later(String label, Runnable work) {
        pending.add(new Task(label, work));
    }

    private void readAnything(String label) {
        if (readerOfEverything == null) {
            readerOfEverything = label;
        }
    }

    /** Calls that find members by name at run time, which bytecode cannot follow. */
    private static boolean reflects(ConstantPool.Member method) {
        String owner = method.owner();
        String name = method.name();
        return owner.startsWith("java.lang.reflect.")
                || owner.equals("java.lang.invoke.MethodHandles$Lookup")
                        && (name.startsWith("find") || name.startsWith("unreflect"))
                || owner.equals("java.lang.Class") && (name.equals("forName") || name.equals("newInstance")
                        || name.startsWith("get") && (name.contains("Field") || name.contains("Method")
                                || name.contains("Constructor")));
    }

    private static String binary(String internalName) {
        return internalName.replace('/', '.');
    }
}

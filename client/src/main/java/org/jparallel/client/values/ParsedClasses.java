package org.jparallel.client.values;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The class files of this session's shipped classes, parsed once each, and how a member
 * reference resolves among them the way the JVM resolves it: in the named class, up its
 * superclasses, then in its interfaces. Names of other classes (the JDK, the class path,
 * other sessions) resolve to nothing: their code is not this session's to follow.
 */
final class ParsedClasses {

    /** A method and the class that declares it. */
    record Declared(ClassFile type, ClassFile.Method method) {
    }

    private final Function<String, Optional<byte[]>> bytecode;
    private final Map<String, ClassFile> parsed = new HashMap<>();

    ParsedClasses(Function<String, Optional<byte[]>> bytecode) {
        this.bytecode = bytecode;
    }

    Optional<ClassFile> get(String className) {
        ClassFile known = parsed.get(className);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<ClassFile> found = bytecode.apply(className).map(ClassFile::parse);
        found.ifPresent(type -> parsed.put(className, type));
        return found;
    }

    /**
     * What a call of {@code method} runs: the declaration in the class or its nearest superclass,
     * else every matching (default) method of its interfaces.
     */
    List<Declared> method(ConstantPool.Member method) {
        for (Optional<ClassFile> type = get(method.owner()); type.isPresent();
             type = type.get().superName.flatMap(this::get)) {
            Optional<ClassFile.Method> declared = type.get().method(method.name(), method.descriptor());
            if (declared.isPresent()) {
                return List.of(new Declared(type.get(), declared.get()));
            }
        }
        List<Declared> defaults = new ArrayList<>();
        for (ClassFile type : interfacesOf(method.owner())) {
            type.method(method.name(), method.descriptor()).ifPresent(found -> defaults.add(new Declared(type, found)));
        }
        return defaults;
    }

    /** The class or interface that declares the static field {@code field} refers to. */
    Optional<ClassFile> staticField(ConstantPool.Member field) {
        for (Optional<ClassFile> type = get(field.owner()); type.isPresent();
             type = type.get().superName.flatMap(this::get)) {
            if (type.get().staticFields.contains(field.name())) {
                return type;
            }
        }
        return interfacesOf(field.owner()).stream().filter(type -> type.staticFields.contains(field.name()))
                .findFirst();
    }

    /** Every interface of the class and its superclasses, transitively, that is this session's. */
    private Set<ClassFile> interfacesOf(String className) {
        Set<ClassFile> found = new LinkedHashSet<>();
        Deque<ClassFile> queue = new ArrayDeque<>();
        get(className).ifPresent(queue::add);
        while (!queue.isEmpty()) {
            ClassFile type = queue.poll();
            type.superName.flatMap(this::get).ifPresent(queue::add);
            for (String name : type.interfaces) {
                get(name).filter(found::add).ifPresent(queue::add);
            }
        }
        return found;
    }
}

package org.jparallel.client.values;

import java.lang.invoke.SerializedLambda;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The classes one encoded message must carry: those its serialized graphs use that exist only in
 * a JShell session (found through {@code annotateClass}), and every snippet class their bytecode
 * mentions, transitively. Each class keeps its origin, the session that compiled it, so that a
 * class received from one session and sent on is still known as that session's class. What the
 * serialized graphs hold (lambdas, instances, class objects) is also noted as the roots from which
 * {@link ReachableStatics} finds the cell variables the message must carry.
 * One per encode call; not thread-safe.
 */
final class Shipment {

    /** Where shipped classes come from: this JVM's own JShell, or a session we received classes from. */
    record Source(UUID origin, ClassBytes bytes, ClassLoader loader, boolean own) {
    }

    /** One class to ship; {@code type} is the loaded class, known for own classes. */
    record Entry(Source source, String name, byte[] bytes, Class<?> type) {
    }

    private final UUID self;
    private final ClassBytes ownBytes;
    private final List<UUID> origins = new ArrayList<>();
    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, Integer> indexByKey = new HashMap<>();
    private final ReachableStatics reach = new ReachableStatics(this::ownBytecode);
    private int closedOver;

    Shipment(UUID self, ClassBytes ownBytes) {
        this.self = self;
        this.ownBytes = ownBytes;
        origins.add(self);
    }

    /** The static fields of this session's classes that the code noted so far can reach. */
    ReachableStatics reach() {
        return reach;
    }

    /** Notes what code the other side may run for {@code object}, about to be serialized as part {@code label}. */
    void serializing(Object object, String label) {
        if (object instanceof SerializedLambda lambda) {
            reach.fromLambda(lambda, label);
        } else if (!object.getClass().isArray() && isOwn(object.getClass())) {
            reach.fromInstance(object.getClass().getName(), label);
        }
    }

    /**
     * The index of {@code type}'s class in the table, adding it if it is shipped; -1 if it is not.
     * The class is written as a descriptor in part {@code label}: its code may run on the other side.
     */
    int indexOf(Class<?> type, String label) {
        Class<?> base = type;
        while (base.isArray()) {
            base = base.getComponentType();
        }
        if (base.isPrimitive() || base.getClassLoader() == null) {
            return -1;
        }
        Source source = sourceOf(base);
        if (source == null) {
            return -1;
        }
        Integer known = indexByKey.get(key(source.origin(), base.getName()));
        if (known == null) {
            Optional<byte[]> bytes = source.bytes().bytecode(base.getName());
            known = bytes.isEmpty() ? -1 : add(new Entry(source, base.getName(), bytes.get(), base));
        }
        if (known >= 0 && source.own()) {
            reach.fromDescriptor(base.getName(), label);
        }
        return known;
    }

    /** Whether {@code type} is a record declared in a JShell session and not Serializable: see {@link RecordValue}. */
    boolean travelsAsRecordValue(Class<?> type) {
        if (!type.isRecord() || java.io.Serializable.class.isAssignableFrom(type) || type.getClassLoader() == null) {
            return false;
        }
        Source source = sourceOf(type);
        return indexByKey.containsKey(key(source.origin(), type.getName()))
                || source.bytes().bytecode(type.getName()).isPresent();
    }

    /** Adds every shipped class mentioned by the bytecode of classes added since the last call. */
    void closeOver() {
        while (closedOver < entries.size()) {
            Entry entry = entries.get(closedOver++);
            for (String name : ConstantPool.mentionedClasses(entry.bytes())) {
                Source source = entry.source();
                if (indexByKey.containsKey(key(source.origin(), name))) {
                    continue;
                }
                Optional<byte[]> bytes = source.bytes().bytecode(name);
                if (bytes.isPresent()) {
                    add(new Entry(source, name, bytes.get(), source.own() ? loaded(name, source) : null));
                }
            }
        }
    }

    List<UUID> origins() {
        return origins;
    }

    List<Entry> entries() {
        return entries;
    }

    int originIndex(Entry entry) {
        return origins.indexOf(entry.source().origin());
    }

    long ownCount() {
        return entries.stream().filter(e -> e.source().own()).count();
    }

    /** The class file of one of this session's classes in the shipment. */
    private Optional<byte[]> ownBytecode(String name) {
        Integer index = indexByKey.get(key(self, name));
        return index == null ? Optional.empty() : Optional.of(entries.get(index).bytes());
    }

    private static boolean isOwn(Class<?> type) {
        return type.getClassLoader() != null && !(type.getClassLoader() instanceof ShippedClassLoader);
    }

    private Source sourceOf(Class<?> type) {
        if (type.getClassLoader() instanceof ShippedClassLoader received) {
            return new Source(received.origin(), received::bytecode, received, false);
        }
        ClassLoader loader = type.getClassLoader();
        ClassBytes own = name -> ownBytes.bytecode(name).or(() -> SnippetClassFiles.read(loader, name));
        return new Source(self, own, loader, true);
    }

    private int add(Entry entry) {
        if (!origins.contains(entry.source().origin())) {
            origins.add(entry.source().origin());
        }
        entries.add(entry);
        int index = entries.size() - 1;
        indexByKey.put(key(entry.source().origin(), entry.name()), index);
        return index;
    }

    private static Class<?> loaded(String name, Source source) {
        try {
            return Class.forName(name, false, source.loader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private static String key(UUID origin, String name) {
        return origin + "/" + name;
    }
}

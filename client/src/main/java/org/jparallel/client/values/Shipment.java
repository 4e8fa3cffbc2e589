package org.jparallel.client.values;

import java.lang.invoke.SerializedLambda;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The classes one encoded message must carry: those its serialized graphs use that exist only in
 * a JShell session (found through {@code annotateClass}), and every snippet class their bytecode
 * mentions, transitively. Each class keeps its origin, the session that compiled it, so that a
 * class received from one session and sent on is still known as that session's class. What the
 * serialized graphs hold (lambdas, instances, class objects) is also noted as the roots from which
 * {@link ReachableStatics} finds the cell variables the message must carry.
 *
 * <p>What a message's graphs lead to is noted too ({@link #takeNotes}): a later message whose graphs
 * lead to the same things ships the same classes and reads the same fields, so a shipment can replay
 * a {@link ShipmentPlan} instead of parsing bytecode again. A replaying shipment that meets a class
 * the plan does not hold says so ({@link #diverged}), and the encoder starts over without the plan.
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
    /** Whether each record class met travels as a {@link RecordValue}. */
    private final Map<Class<?>, Boolean> recordValues = new HashMap<>();
    /** Made when first needed: a shipment replaying a plan never follows code (most messages of a loop). */
    private ReachableStatics reach;
    private int closedOver;
    private final boolean replaying;
    private boolean diverged;
    private Set<String> notes = new HashSet<>();

    Shipment(UUID self, ClassBytes ownBytes) {
        this.self = self;
        this.ownBytes = ownBytes;
        this.replaying = false;
        origins.add(self);
    }

    /** A shipment that holds the plan's classes already and follows no code. */
    Shipment(UUID self, ClassBytes ownBytes, ShipmentPlan plan) {
        this.self = self;
        this.ownBytes = ownBytes;
        this.replaying = true;
        origins.addAll(plan.origins());
        for (Entry entry : plan.entries()) {
            entries.add(entry);
            indexByKey.put(key(entry.source().origin(), entry.name()), entries.size() - 1);
        }
        closedOver = entries.size();
    }

    /** What the graphs serialized since the last call led to; starts a new set of notes. */
    Set<String> takeNotes() {
        Set<String> taken = notes;
        notes = new HashSet<>();
        return taken;
    }

    /** Notes again what an earlier serialization of the same thing noted. */
    void note(Set<String> earlier) {
        notes.addAll(earlier);
    }

    /** Whether a replaying shipment met a class its plan does not ship: its frames must not be used. */
    boolean diverged() {
        return diverged;
    }

    /** The plan of this (complete) shipment, for messages of the same shape. */
    ShipmentPlan plan(Set<String> rootNotes, Set<String> staticsNotes, List<StaticFields.Carried> statics) {
        return new ShipmentPlan(rootNotes, staticsNotes, List.copyOf(origins), List.copyOf(entries), List.copyOf(statics));
    }

    /** The static fields of this session's classes that the code noted so far can reach. */
    ReachableStatics reach() {
        if (reach == null) {
            reach = new ReachableStatics(this::ownBytecode);
        }
        return reach;
    }

    /** Notes what code the other side may run for {@code object}, about to be serialized as part {@code label}. */
    void serializing(Object object, String label) {
        if (object instanceof SerializedLambda lambda) {
            notes.add("lambda " + label + " " + lambda.getCapturingClass() + " " + lambda.getImplMethodKind() + " "
                    + lambda.getImplClass() + "." + lambda.getImplMethodName() + lambda.getImplMethodSignature());
            if (!replaying) {
                reach().fromLambda(lambda, label);
            }
        } else if (!object.getClass().isArray() && isOwn(object.getClass())) {
            notes.add("instance " + label + " " + object.getClass().getName());
            if (!replaying) {
                reach().fromInstance(object.getClass().getName(), label);
            }
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
            if (bytes.isPresent() && replaying) {
                diverged = true;
                return -1;
            }
            known = bytes.isEmpty() ? -1 : add(new Entry(source, base.getName(), bytes.get(), base));
        }
        if (known >= 0 && source.own()) {
            notes.add("descriptor " + label + " " + base.getName());
            if (!replaying) {
                reach().fromDescriptor(base.getName(), label);
            }
        }
        return known;
    }

    /** Whether values of {@code type} travel although it is not Serializable: cells' records, some JDK values. */
    boolean travelsAnyway(Class<?> type) {
        return travelsAsRecordValue(type) || JdkValue.travels(type);
    }

    /** Whether {@code type} is a record declared in a JShell session and not Serializable: see {@link RecordValue}. */
    boolean travelsAsRecordValue(Class<?> type) {
        if (!type.isRecord() || java.io.Serializable.class.isAssignableFrom(type) || type.getClassLoader() == null) {
            return false;
        }
        return recordValues.computeIfAbsent(type, this::shippedRecord); // asked for each of a list's records
    }

    private boolean shippedRecord(Class<?> type) {
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
        ClassBytes own = name -> ownBytes.bytecode(name).or(() -> name.equals(type.getName())
                ? ProgramClassFiles.read(type, ownBytes) : ProgramClassFiles.read(loader, name, ownBytes));
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

package org.jparallel.client.values;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jparallel.wire.bulk.BulkLease;

/**
 * Turns values, and functions with their arguments, into frames that another JVM decodes with a
 * {@link ValueDecoder}: the raw buffers of a wire message.
 *
 * <p>Primitive arrays travel as one little-endian frame each, and strings, boxed primitives and
 * JDK lists, maps and arrays of those as a compact tree, all without boxing or Java
 * serialization. Anything else is serialized; classes that exist only in this JVM's JShell
 * session (records, classes, methods and lambdas typed in cells) travel with their bytecode,
 * and the values of the cell variables their code can read travel with them; other cell
 * variables stay home, so {@code var v = rc.all()} does not stop {@code v.map(x -> x * x, xs)}. A value that cannot
 * be serialized fails here, before anything is sent, naming where it sits.
 *
 * <pre>{@code
 * ValueEncoder encoder = new ValueEncoder(ClassBytes.of(session.classBytes()));
 * List<byte[]> frames = encoder.encodeCall((Fn<Integer, Integer>) x -> x * x, 7);
 * List<byte[]> data = encoder.encode(new double[10_000_000]);   // 2 frames: header + 80 MB
 * List<byte[]> ref = encoder.encode(new double[10_000_000], lease); // 2 small frames: the array is offered
 * }</pre>
 *
 * <p>Given a {@link BulkLease}, primitive arrays over 1 MiB are not copied
 * into frames: they are offered on the bulk channel under that lease, and the frames reference them. The array
 * is read when the receiver fetches it, so it must not change until the lease closes.
 *
 * <p>Thread-safe. Each encoder is one sender session, with an id of its own: use one per JShell
 * session (a fresh session, a fresh encoder), since receivers cache classes per id.
 */
public final class ValueEncoder {

    private final UUID id = UUID.randomUUID();
    private final ClassBytes source;
    private static final int MAX_PLANS = 256;

    private final Map<String, Class<?>> sentClasses = new ConcurrentHashMap<>();
    private final Map<List<Object>, Planned> plans = new ConcurrentHashMap<>();

    /**
     * A shape's plan, and the frames of the lambdas without captured state that its messages sent: such a
     * lambda serializes to the same bytes whenever the plan's class table holds (the same as the engine
     * side's {@link StatelessLambdas}), and serializing the function was a quarter of an {@code apply}'s
     * cost in the client. By label; a new plan starts with none. And the header's bytes up to the statics
     * frame's index, which hold every carried class file: copied, not written anew, for each message.
     */
    private record Planned(ShipmentPlan plan, byte[] headerStart, Map<String, LambdaFrame> lambdas) {
        Planned(ShipmentPlan plan, byte[] headerStart) {
            this(plan, headerStart, new ConcurrentHashMap<>());
        }
    }

    /** A lambda's serialized frame, and what serializing it noted in the shipment. */
    private record LambdaFrame(Class<?> type, byte[] frame, Set<String> notes) {
    }

    /** An encoder that ships the classes {@code source} has bytecode for. */
    public ValueEncoder(ClassBytes source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    /** The sender session id written into every message. */
    public UUID id() {
        return id;
    }

    /** The frames of one value; decode with {@link ValueDecoder#decode}. */
    public List<byte[]> encode(Object value) {
        return encode(value, null);
    }

    /** Like {@link #encode(Object)}, offering big arrays under {@code bulk} (null: none). */
    public List<byte[]> encode(Object value, BulkLease bulk) {
        return encode(HeaderFrame.Kind.VALUE, List.of(new Labelled("value", value)), bulk);
    }

    /**
     * The frames of a call: the function and its arguments, labelled {@code function} and
     * {@code args[i]} in errors; decode with {@link ValueDecoder#decodeCall}.
     */
    public List<byte[]> encodeCall(Object function, Object... args) {
        return encodeCall(null, function, args);
    }

    /** Like {@link #encodeCall(Object, Object...)}, offering big arrays under {@code bulk} (null: none). */
    public List<byte[]> encodeCall(BulkLease bulk, Object function, Object... args) {
        List<Labelled> entries = new ArrayList<>();
        entries.add(new Labelled("function", function));
        Object[] all = args == null ? new Object[0] : args;
        for (int i = 0; i < all.length; i++) {
            entries.add(new Labelled("args[" + i + "]", all[i]));
        }
        return encode(HeaderFrame.Kind.CALL, entries, bulk);
    }

    /** The frames of named values (a push), labelled by name; decode with {@link ValueDecoder#decodeNamed}. */
    public List<byte[]> encodeNamed(Map<String, ?> values) {
        return encodeNamed(values, null);
    }

    /** Like {@link #encodeNamed(Map)}, offering big arrays under {@code bulk} (null: none). */
    public List<byte[]> encodeNamed(Map<String, ?> values, BulkLease bulk) {
        List<Labelled> entries = new ArrayList<>();
        new LinkedHashMap<>(values).forEach((name, value) -> entries.add(new Labelled(name, value)));
        return encode(HeaderFrame.Kind.NAMED, entries, bulk);
    }

    /** A class of this session that an earlier message carried, so that it can come back as itself. */
    Class<?> sentClass(String name) {
        return sentClasses.get(name);
    }

    private record Labelled(String label, Object value) {
    }

    private List<byte[]> encode(HeaderFrame.Kind kind, List<Labelled> entries, BulkLease bulk) {
        List<Object> shape = shape(kind, entries);
        Planned planned = plans.get(shape);
        if (planned != null) {
            List<byte[]> frames = replay(kind, entries, planned, bulk);
            if (frames != null) {
                return frames;
            }
        }
        Shipment shipment = new Shipment(id, source);
        List<byte[]> frames = new ArrayList<>();
        TreeBytes tree = writeTree(entries, frames, bulk,
                (value, label) -> serialize(value, label, shipment));
        Set<String> rootNotes = shipment.takeNotes();
        Statics statics = writeStatics(shipment, frames);
        byte[] headerStart = headerStart(kind, shipment);
        frames.set(0, header(headerStart, statics.frame(), tree));
        remember(shipment);
        if (plans.size() >= MAX_PLANS) {
            plans.clear(); // shapes keep changing (new cells, new classes): start afresh rather than grow
        }
        plans.put(shape, new Planned(shipment.plan(rootNotes, statics.notes(), statics.fields()), headerStart));
        return frames;
    }

    /** The frames of a message of a known shape, by its plan; null when the plan does not hold for it. */
    private List<byte[]> replay(HeaderFrame.Kind kind, List<Labelled> entries, Planned planned, BulkLease bulk) {
        ShipmentPlan plan = planned.plan();
        Shipment shipment = new Shipment(id, source, plan);
        List<byte[]> frames = new ArrayList<>();
        TreeBytes tree = writeTree(entries, frames, bulk,
                (value, label) -> serializeReplaying(value, label, shipment, planned.lambdas()));
        if (shipment.diverged() || !shipment.takeNotes().equals(plan.rootNotes())) {
            return null;
        }
        int staticsFrame = -1;
        if (!plan.statics().isEmpty()) {
            frames.add(serializeStatics(StaticFields.read(plan.statics()), shipment));
            staticsFrame = frames.size() - 1;
        }
        if (shipment.diverged() || !shipment.takeNotes().equals(plan.staticsNotes()) || !plan.classesUnchanged()) {
            return null;
        }
        frames.set(0, header(planned.headerStart(), staticsFrame, tree));
        remember(shipment);
        return frames;
    }

    /** What makes messages ship alike: their kind, and each entry's label and class. */
    private static List<Object> shape(HeaderFrame.Kind kind, List<Labelled> entries) {
        List<Object> shape = new ArrayList<>(1 + 2 * entries.size());
        shape.add(kind);
        for (Labelled entry : entries) {
            shape.add(entry.label());
            shape.add(entry.value() == null ? Void.class : entry.value().getClass());
        }
        return shape;
    }

    /** The value tree of the entries, frame 0 left for the header. */
    private static TreeBytes writeTree(List<Labelled> entries, List<byte[]> frames, BulkLease bulk,
            TreeWriter.Serializer serializer) {
        try {
            frames.add(null);
            TreeBytes tree = new TreeBytes();
            DataOutputStream treeOut = new DataOutputStream(tree);
            TreeWriter writer = new TreeWriter(treeOut, frames, serializer, bulk);
            treeOut.writeInt(entries.size());
            for (Labelled entry : entries) {
                treeOut.writeUTF(entry.label());
                writer.write(entry.value(), entry.label());
            }
            return tree;
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
    }

    private void remember(Shipment shipment) {
        for (Shipment.Entry entry : shipment.entries()) {
            if (entry.source().own() && entry.type() != null) {
                sentClasses.put(entry.name(), entry.type());
            }
        }
    }

    /** The header's bytes before the statics frame's index: kind, sender, origins and the carried classes. */
    private byte[] headerStart(HeaderFrame.Kind kind, Shipment shipment) {
        List<HeaderFrame.ShippedClass> classes = new ArrayList<>();
        for (Shipment.Entry entry : shipment.entries()) {
            classes.add(new HeaderFrame.ShippedClass(shipment.originIndex(entry), entry.name(), entry.bytes()));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try {
            DataOutputStream out = new DataOutputStream(bytes);
            new HeaderFrame(kind, id, shipment.origins(), classes, -1).writeStart(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    /**
     * The header frame: its start, the statics frame's index (big-endian, as {@link DataOutputStream} writes it),
     * then the tree; one array, each part copied once (every apply builds one, the carried classes' bytecode in it).
     */
    private static byte[] header(byte[] start, int staticsFrame, TreeBytes tree) {
        byte[] frame = new byte[start.length + Integer.BYTES + tree.size()];
        System.arraycopy(start, 0, frame, 0, start.length);
        ByteBuffer.wrap(frame, start.length, Integer.BYTES).putInt(staticsFrame);
        tree.copyTo(frame, start.length + Integer.BYTES);
        return frame;
    }

    /** A value tree being written, which hands its bytes to the header without a copy of its own. */
    private static final class TreeBytes extends ByteArrayOutputStream {
        TreeBytes() {
            super(128);
        }

        void copyTo(byte[] into, int at) {
            System.arraycopy(buf, 0, into, at, count);
        }
    }

    /** Like {@link #serialize}, taking a stateless lambda's frame from an earlier message of the plan. */
    private static byte[] serializeReplaying(Object value, String label, Shipment shipment,
            Map<String, LambdaFrame> lambdas) {
        if (!StatelessLambdas.isStateless(value.getClass())) {
            return serialize(value, label, shipment);
        }
        LambdaFrame known = lambdas.get(label);
        if (known != null && known.type() == value.getClass()) {
            shipment.note(known.notes());
            return known.frame();
        }
        Set<String> before = shipment.takeNotes();
        byte[] frame = serialize(value, label, shipment);
        Set<String> notes = shipment.takeNotes();
        shipment.note(before);
        shipment.note(notes);
        if (!shipment.diverged()) {
            lambdas.put(label, new LambdaFrame(value.getClass(), frame, notes));
        }
        return frame;
    }

    private static byte[] serialize(Object value, String label, Shipment shipment) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (RecordingObjectOutputStream out = new RecordingObjectOutputStream(bytes, shipment, label)) {
            out.writeObject(value);
        } catch (NotSerializableException e) {
            throw UnserializablePath.locate(value, label, e, shipment::travelsAnyway);
        } catch (IOException | RuntimeException e) {
            throw new UnserializableValueException(label, value.getClass().getName(),
                    "serializing " + CellNames.type(value.getClass().getName()) + " failed: " + e, e);
        }
        return bytes.toByteArray();
    }

    /** The statics frame (or -1), the fields it holds, and what their values led to. */
    private record Statics(int frame, List<StaticFields.Carried> fields, Set<String> notes) {
    }

    /**
     * Closes the shipment over the bytecode and writes the static fields the shipped code can reach.
     * Static values may hold lambdas and instances of more snippet classes, whose code reaches
     * more statics: repeat until no new class of this session joins and no new code is reached.
     */
    private static Statics writeStatics(Shipment shipment, List<byte[]> frames) {
        byte[] statics = null;
        List<StaticFields.Carried> fields = List.of();
        Set<String> notes = Set.of();
        long ownClasses = -1;
        shipment.closeOver();
        while (shipment.ownCount() != ownClasses || shipment.reach().hasPending()) {
            ownClasses = shipment.ownCount();
            shipment.reach().settle();
            fields = StaticFields.select(shipment.entries(), shipment.reach());
            shipment.takeNotes();
            statics = fields.isEmpty() ? null : serializeStatics(StaticFields.read(fields), shipment);
            notes = shipment.takeNotes();
            shipment.closeOver();
        }
        if (statics == null) {
            return new Statics(-1, List.of(), notes);
        }
        frames.add(statics);
        return new Statics(frames.size() - 1, fields, notes);
    }

    private static byte[] serializeStatics(List<StaticFields.Value> values, Shipment shipment) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (RecordingObjectOutputStream out = new RecordingObjectOutputStream(bytes, shipment, "statics")) {
            out.writeInt(values.size());
            for (StaticFields.Value value : values) {
                String path = value.neededBy() + " reads " + CellNames.staticField(value.className(), value.field());
                out.neededBy(value.neededBy());
                out.writeUTF(value.className());
                out.writeUTF(value.field());
                try {
                    out.writeObject(value.value());
                } catch (NotSerializableException e) {
                    throw UnserializablePath.locate(value.value(), path, e, shipment::travelsAnyway);
                } catch (IOException | RuntimeException e) {
                    String className = value.value().getClass().getName();
                    throw new UnserializableValueException(path, className,
                            "serializing " + CellNames.type(className) + " failed: " + e, e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return bytes.toByteArray();
    }
}

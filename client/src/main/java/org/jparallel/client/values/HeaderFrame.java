package org.jparallel.client.values;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The first frame of an encoded message, up to its value tree: what kind of message it is, who
 * sent it, and the classes it carries. Numbers in the header are big-endian (DataOutput);
 * array data, in the header or in frames, is little-endian.
 *
 * @param kind what the entries are: one value, a call, or named values
 * @param sender the encoder's session id
 * @param origins the sessions whose classes are carried; the sender first
 * @param classes the carried classes
 * @param staticsFrame the frame with static field values of the sender's classes, or -1
 */
record HeaderFrame(Kind kind, UUID sender, List<UUID> origins, List<ShippedClass> classes, int staticsFrame) {

    static final int MAGIC = 0x4A50564C; // "JPVL"
    static final int VERSION = 1;

    enum Kind { VALUE, CALL, NAMED }

    /** One class file, and the index of the session that compiled it in {@code origins}. */
    record ShippedClass(int origin, String name, byte[] bytes) {
    }

    /**
     * Everything before the statics frame's index, which the encoder writes after it: these bytes are the same
     * for every message of one shape that carries the same classes, so the encoder keeps them.
     */
    void writeStart(DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        out.writeByte(VERSION);
        out.writeByte(kind.ordinal());
        writeUuid(out, sender);
        out.writeInt(origins.size());
        for (UUID origin : origins) {
            writeUuid(out, origin);
        }
        out.writeInt(classes.size());
        for (ShippedClass shipped : classes) {
            out.writeShort(shipped.origin());
            out.writeUTF(shipped.name());
            out.writeInt(shipped.bytes().length);
            out.write(shipped.bytes());
        }
    }

    static HeaderFrame read(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new UndecodableValueException("the frames are not an encoded value (no JPVL header)");
        }
        int version = in.readUnsignedByte();
        if (version != VERSION) {
            throw new UndecodableValueException("encoded with values codec version " + version + ", this JVM reads "
                    + VERSION + ": use the same jparallel version on both sides");
        }
        int kind = in.readUnsignedByte();
        if (kind >= Kind.values().length) {
            throw new UndecodableValueException("unknown message kind " + kind);
        }
        UUID sender = readUuid(in);
        int originCount = in.readInt();
        List<UUID> origins = new ArrayList<>();
        for (int i = 0; i < originCount; i++) {
            origins.add(readUuid(in));
        }
        int classCount = in.readInt();
        List<ShippedClass> classes = new ArrayList<>();
        for (int i = 0; i < classCount; i++) {
            int origin = in.readUnsignedShort();
            String name = in.readUTF();
            int length = in.readInt();
            byte[] bytes = in.readNBytes(length);
            if (origin >= originCount || bytes.length != length) {
                throw new UndecodableValueException("a carried class is cut or has no origin: " + name);
            }
            classes.add(new ShippedClass(origin, name, bytes));
        }
        return new HeaderFrame(Kind.values()[kind], sender, origins, classes, in.readInt());
    }

    private static void writeUuid(DataOutputStream out, UUID id) throws IOException {
        out.writeLong(id.getMostSignificantBits());
        out.writeLong(id.getLeastSignificantBits());
    }

    private static UUID readUuid(DataInputStream in) throws IOException {
        return new UUID(in.readLong(), in.readLong());
    }
}

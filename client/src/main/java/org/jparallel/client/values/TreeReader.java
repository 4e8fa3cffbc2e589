package org.jparallel.client.values;

import java.io.DataInputStream;
import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jparallel.wire.bulk.BulkFetcher;
import org.jparallel.wire.bulk.BulkRef;

/**
 * Reads the nodes {@link TreeWriter} wrote, taking big values from their frames. Only a whole
 * entry is ever serialized, so nested nodes share their entry's label.
 */
final class TreeReader {

    /** Java deserialization of one frame. */
    interface Deserializer {
        Object deserialize(byte[] frame, String label);
    }

    private final DataInputStream in;
    private final List<byte[]> frames;
    private final Deserializer deserializer;
    private final BulkFetcher bulk;

    /** @param bulk fetches arrays sent on the bulk channel, or null when this receiver has none */
    TreeReader(DataInputStream in, List<byte[]> frames, Deserializer deserializer, BulkFetcher bulk) {
        this.in = in;
        this.frames = frames;
        this.deserializer = deserializer;
        this.bulk = bulk;
    }

    Object read(String label) throws IOException {
        int tag = in.readUnsignedByte();
        switch (tag) {
            case Tag.NULL:
                return null;
            case Tag.TRUE:
                return Boolean.TRUE;
            case Tag.FALSE:
                return Boolean.FALSE;
            case Tag.BYTE:
                return in.readByte();
            case Tag.SHORT:
                return in.readShort();
            case Tag.INT:
                return in.readInt();
            case Tag.LONG:
                return in.readLong();
            case Tag.FLOAT:
                return Float.intBitsToFloat(in.readInt());
            case Tag.DOUBLE:
                return Double.longBitsToDouble(in.readLong());
            case Tag.CHAR:
                return in.readChar();
            case Tag.STRING:
                return new String(in.readNBytes(length()), StandardCharsets.UTF_8);
            case Tag.STRING_FRAME:
                return new String(frame(), StandardCharsets.UTF_8);
            case Tag.ARRAY: {
                int kind = in.readUnsignedByte();
                int length = length();
                byte[] bytes = in.readNBytes(length);
                if (bytes.length != length) {
                    throw new UndecodableValueException("the header ends inside an array");
                }
                return PrimitiveArrays.fromBytes(kind, bytes, 0, length);
            }
            case Tag.ARRAY_FRAME: {
                int kind = in.readUnsignedByte();
                byte[] frame = frame();
                return PrimitiveArrays.fromBytes(kind, frame, 0, frame.length);
            }
            case Tag.ARRAY_BULK: {
                int kind = in.readUnsignedByte();
                BulkRef ref;
                try {
                    ref = BulkRef.fromFrame(frame());
                } catch (IllegalArgumentException e) {
                    throw new UndecodableValueException(label + ": " + e.getMessage(), e);
                }
                if (bulk == null) {
                    throw new UndecodableValueException(label + " is an array sent on the bulk channel, and this"
                            + " decoder has none: decode it with a ValueDecoder given the cluster's BulkFetcher");
                }
                return BulkArrays.fetch(kind, ref, bulk);
            }
            case Tag.RESULT_REF:
                return new ResultRef(in.readUTF());
            case Tag.VARIABLE_REF:
                return new VariableRef(in.readUTF());
            case Tag.LIST: {
                int size = length();
                List<Object> list = new ArrayList<>(Math.min(size, 1 << 16));
                for (int i = 0; i < size; i++) {
                    list.add(read(label));
                }
                return list;
            }
            case Tag.BOXED_LIST:
                return BoxedLists.boxed(read(label), label);
            case Tag.OPTIONAL:
                return in.readBoolean() ? Optional.of(read(label + ".get()")) : Optional.empty();
            case Tag.MAP: {
                int size = length();
                Map<Object, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < size; i++) {
                    Object key = read(label);
                    map.put(key, read(label));
                }
                return map;
            }
            case Tag.OBJECT_ARRAY:
                return readObjectArray(label);
            case Tag.SERIALIZED:
                return deserializer.deserialize(frame(), label);
            default:
                throw new UndecodableValueException("unknown value tag " + tag + " in " + label);
        }
    }

    private Object readObjectArray(String label) throws IOException {
        String component = in.readUTF();
        Class<?> type;
        try {
            type = Class.forName(component, false, null);
        } catch (ClassNotFoundException e) {
            throw new MissingClassException(label, component, e);
        }
        int size = length();
        Object array = Array.newInstance(type, size);
        for (int i = 0; i < size; i++) {
            Array.set(array, i, read(label));
        }
        return array;
    }

    private int length() throws IOException {
        int length = in.readInt();
        if (length < 0) {
            throw new UndecodableValueException("negative length " + length);
        }
        return length;
    }

    private byte[] frame() throws IOException {
        int index = in.readInt();
        if (index <= 0 || index >= frames.size()) {
            throw new UndecodableValueException("frame " + index + " referenced but the message has " + frames.size());
        }
        return frames.get(index);
    }
}

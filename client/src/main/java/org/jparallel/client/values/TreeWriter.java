package org.jparallel.client.values;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jparallel.wire.bulk.BulkLease;

/**
 * Writes values as nodes of the header's value tree; big strings and arrays, and serialized
 * values, go to frames of their own, referenced by index.
 */
final class TreeWriter {

    /** Java serialization of one value that is not on the fast path. */
    interface Serializer {
        byte[] serialize(Object value, String label);
    }

    private final DataOutputStream out;
    private final List<byte[]> frames;
    private final Serializer serializer;
    private final BulkLease bulk;

    /** @param bulk where big primitive arrays are offered on the bulk channel, or null to put them in frames */
    TreeWriter(DataOutputStream out, List<byte[]> frames, Serializer serializer, BulkLease bulk) {
        this.out = out;
        this.frames = frames;
        this.serializer = serializer;
        this.bulk = bulk;
    }

    void write(Object value, String label) throws IOException {
        if (value instanceof Optional<?> optional && !FastPath.accepts(value)) {
            out.writeByte(Tag.OPTIONAL);
            out.writeBoolean(true); // an empty one is on the fast path
            write(optional.get(), label + ".get()");
        } else if (FastPath.accepts(value)) {
            writeFast(value);
        } else {
            out.writeByte(Tag.SERIALIZED);
            out.writeInt(addFrame(serializer.serialize(value, label)));
        }
    }

    private void writeFast(Object value) throws IOException {
        if (value == null) {
            out.writeByte(Tag.NULL);
        } else if (value instanceof Boolean b) {
            out.writeByte(b ? Tag.TRUE : Tag.FALSE);
        } else if (value instanceof Byte b) {
            out.writeByte(Tag.BYTE);
            out.writeByte(b);
        } else if (value instanceof Short s) {
            out.writeByte(Tag.SHORT);
            out.writeShort(s);
        } else if (value instanceof Integer i) {
            out.writeByte(Tag.INT);
            out.writeInt(i);
        } else if (value instanceof Long l) {
            out.writeByte(Tag.LONG);
            out.writeLong(l);
        } else if (value instanceof Float f) {
            out.writeByte(Tag.FLOAT);
            out.writeInt(Float.floatToRawIntBits(f));
        } else if (value instanceof Double d) {
            out.writeByte(Tag.DOUBLE);
            out.writeLong(Double.doubleToRawLongBits(d));
        } else if (value instanceof Character c) {
            out.writeByte(Tag.CHAR);
            out.writeChar(c);
        } else if (value instanceof String s) {
            writeBytes(Tag.STRING, Tag.STRING_FRAME, -1, s.getBytes(StandardCharsets.UTF_8));
        } else if (PrimitiveArrays.kindOf(value) >= 0) {
            int kind = PrimitiveArrays.kindOf(value);
            if (bulk != null && BulkArrays.byteLength(kind, value) > BulkArrays.THRESHOLD_BYTES) {
                out.writeByte(Tag.ARRAY_BULK);
                out.writeByte(kind);
                out.writeInt(addFrame(bulk.offer(BulkArrays.payload(kind, value)).toFrame()));
            } else {
                writeBytes(Tag.ARRAY, Tag.ARRAY_FRAME, kind, PrimitiveArrays.toBytes(value));
            }
        } else if (value instanceof ResultRef ref) {
            out.writeByte(Tag.RESULT_REF);
            out.writeUTF(ref.msgId());
        } else if (value instanceof VariableRef ref) {
            out.writeByte(Tag.VARIABLE_REF);
            out.writeUTF(ref.name());
        } else if (value instanceof Optional<?> optional) {
            out.writeByte(Tag.OPTIONAL);
            out.writeBoolean(optional.isPresent());
            if (optional.isPresent()) {
                writeFast(optional.get());
            }
        } else if (value instanceof List<?> list) {
            writeList(list);
        } else if (value instanceof Map<?, ?> map) {
            out.writeByte(Tag.MAP);
            out.writeInt(map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                writeFast(entry.getKey());
                writeFast(entry.getValue());
            }
        } else {
            Object[] array = (Object[]) value;
            out.writeByte(Tag.OBJECT_ARRAY);
            out.writeUTF(array.getClass().getComponentType().getName());
            out.writeInt(array.length);
            for (Object element : array) {
                writeFast(element);
            }
        }
    }

    private void writeList(List<?> list) throws IOException {
        Object numbers = BoxedLists.unboxed(list);
        if (numbers != null) {
            out.writeByte(Tag.BOXED_LIST);
            writeFast(numbers);
            return;
        }
        out.writeByte(Tag.LIST);
        out.writeInt(list.size());
        for (Object element : list) {
            writeFast(element);
        }
    }

    private void writeBytes(int inlineTag, int frameTag, int kind, byte[] bytes) throws IOException {
        boolean inline = bytes.length <= Tag.INLINE_LIMIT;
        out.writeByte(inline ? inlineTag : frameTag);
        if (kind >= 0) {
            out.writeByte(kind);
        }
        if (inline) {
            out.writeInt(bytes.length);
            out.write(bytes);
        } else {
            out.writeInt(addFrame(bytes));
        }
    }

    private int addFrame(byte[] frame) {
        frames.add(frame);
        return frames.size() - 1;
    }
}

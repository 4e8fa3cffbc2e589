package org.jparallel.client.values;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The class names a class file mentions: what the JVM may ask a loader for when it links and
 * runs that class. A shipped lambda needs the snippet classes its body calls (a method from an
 * earlier cell, a record, a cell variable's wrapper), which never appear in the serialized graph.
 */
final class ConstantPool {

    /** Longer runs are text, not names; bounds the scan of string constants. */
    private static final int MAX_NAME = 1024;

    private ConstantPool() {
    }

    /**
     * Binary names ({@code REPL.$JShell$11$Point}) of every class named in the constant pool:
     * class entries, and types inside descriptors and generic signatures. Over-approximates:
     * callers keep only names they can ship.
     */
    static Set<String> mentionedClasses(byte[] classFile) {
        Set<String> names = new LinkedHashSet<>();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile))) {
            if (in.readInt() != 0xCAFEBABE) {
                throw new UndecodableValueException("shipped bytes are not a class file");
            }
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> addNamesIn(in.readUTF(), names);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                    case 5, 6 -> {
                        in.skipNBytes(8);
                        i++;
                    }
                    case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
                    case 15 -> in.skipNBytes(3);
                    default -> throw new UndecodableValueException("unknown constant pool tag " + tag);
                }
            }
        } catch (IOException e) {
            throw new UndecodableValueException("truncated class file", e);
        }
        return names;
    }

    private static void addNamesIn(String text, Set<String> names) {
        names.add(text.replace('/', '.'));
        int start = text.indexOf('L');
        while (start >= 0) {
            int end = start + 1;
            int limit = Math.min(text.length(), start + MAX_NAME);
            while (end < limit && ";<>()[. \n".indexOf(text.charAt(end)) < 0) {
                end++;
            }
            if (end < limit && end > start + 1 && (text.charAt(end) == ';' || text.charAt(end) == '<')) {
                names.add(text.substring(start + 1, end).replace('/', '.'));
            }
            start = text.indexOf('L', start + 1);
        }
    }
}

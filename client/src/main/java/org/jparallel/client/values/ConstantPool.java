package org.jparallel.client.values;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The constant pool of a class file: the names a class mentions (what the JVM may ask a loader
 * for when it links and runs that class: a shipped lambda needs the snippet classes its body
 * calls, which never appear in the serialized graph), and the members its code refers to.
 * Knows every constant kind up to class file version 69 (JDK 25), including
 * {@code CONSTANT_Dynamic}, {@code Module} and {@code Package}.
 */
final class ConstantPool {

    static final int UTF8 = 1;
    static final int CLASS = 7;
    static final int FIELD = 9;
    static final int METHOD = 10;
    static final int INTERFACE_METHOD = 11;
    static final int NAME_AND_TYPE = 12;
    static final int METHOD_HANDLE = 15;
    static final int DYNAMIC = 17;
    static final int INVOKE_DYNAMIC = 18;

    /** Longer runs are text, not names; bounds the scan of string constants. */
    private static final int MAX_NAME = 1024;

    /** A field or method by its declaring class's binary name ({@code REPL.$JShell$12}), name and descriptor. */
    record Member(String owner, String name, String descriptor) {
    }

    /** A {@code CONSTANT_MethodHandle}: a reference kind (1 getField .. 9 invokeInterface) and its member. */
    record Handle(int kind, Member member) {
    }

    private final byte[] tags;
    private final String[] texts;
    private final int[] first;
    private final int[] second;

    private ConstantPool(int count) {
        tags = new byte[count];
        texts = new String[count];
        first = new int[count];
        second = new int[count];
    }

    /** Reads the pool from {@code in}, positioned at {@code constant_pool_count}. */
    static ConstantPool read(DataInputStream in) throws IOException {
        ConstantPool pool = new ConstantPool(in.readUnsignedShort());
        for (int i = 1; i < pool.tags.length; i++) {
            int tag = in.readUnsignedByte();
            pool.tags[i] = (byte) tag;
            switch (tag) {
                case UTF8 -> pool.texts[i] = in.readUTF();
                case 3, 4 -> in.skipNBytes(4);
                case 5, 6 -> {
                    in.skipNBytes(8);
                    i++;
                }
                case CLASS, 8, 16, 19, 20 -> pool.first[i] = in.readUnsignedShort();
                case FIELD, METHOD, INTERFACE_METHOD, NAME_AND_TYPE, DYNAMIC, INVOKE_DYNAMIC -> {
                    pool.first[i] = in.readUnsignedShort();
                    pool.second[i] = in.readUnsignedShort();
                }
                case METHOD_HANDLE -> {
                    pool.first[i] = in.readUnsignedByte();
                    pool.second[i] = in.readUnsignedShort();
                }
                default -> throw new UndecodableValueException("unknown constant pool tag " + tag + " at " + i);
            }
        }
        return pool;
    }

    /**
     * Binary names ({@code REPL.$JShell$11$Point}) of every class named in the constant pool of
     * {@code classFile}: class entries, and types inside descriptors and generic signatures.
     * Over-approximates: callers keep only names they can ship.
     */
    static Set<String> mentionedClasses(byte[] classFile) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile))) {
            if (in.readInt() != 0xCAFEBABE) {
                throw new UndecodableValueException("shipped bytes are not a class file");
            }
            in.skipNBytes(4);
            ConstantPool pool = read(in);
            Set<String> names = new LinkedHashSet<>();
            for (String text : pool.texts) {
                if (text != null) {
                    addNamesIn(text, names);
                }
            }
            return names;
        } catch (IOException e) {
            throw new UndecodableValueException("truncated class file", e);
        }
    }

    int tag(int index) {
        return index > 0 && index < tags.length ? tags[index] : 0;
    }

    String utf8(int index) {
        expect(index, UTF8);
        return texts[index];
    }

    /** The binary name of a {@code CONSTANT_Class}; array classes keep their descriptor ({@code [I}). */
    String className(int index) {
        expect(index, CLASS);
        return utf8(first[index]).replace('/', '.');
    }

    /** A field, method or interface method reference. */
    Member member(int index) {
        int tag = tag(index);
        if (tag != FIELD && tag != METHOD && tag != INTERFACE_METHOD) {
            throw mismatch(index, "a member reference");
        }
        int nameAndType = second[index];
        expect(nameAndType, NAME_AND_TYPE);
        return new Member(className(first[index]), utf8(first[nameAndType]), utf8(second[nameAndType]));
    }

    Handle handle(int index) {
        expect(index, METHOD_HANDLE);
        return new Handle(first[index], member(second[index]));
    }

    /** The index into the {@code BootstrapMethods} attribute of a {@code CONSTANT_Dynamic} or {@code InvokeDynamic}. */
    int bootstrap(int index) {
        int tag = tag(index);
        if (tag != DYNAMIC && tag != INVOKE_DYNAMIC) {
            throw mismatch(index, "a dynamic constant");
        }
        return first[index];
    }

    private void expect(int index, int tag) {
        if (tag(index) != tag) {
            throw mismatch(index, "tag " + tag);
        }
    }

    private UndecodableValueException mismatch(int index, String expected) {
        return new UndecodableValueException("constant " + index + " is not " + expected + " (tag " + tag(index) + ")");
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

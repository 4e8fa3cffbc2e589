package org.jparallel.repl;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/**
 * Makes the classes declared in cells Serializable, as if each were typed with {@code implements Serializable}.
 *
 * <p>Why: a notebook's {@code class Particle { double x, v; … }} goes to engines inside lambdas, arguments and
 * results, which Java serialization carries; people seldom mark a class they type in a cell, and Python's pickle
 * asks nothing of them. Records too: Java serialization writes a serializable record by its components and rebuilds
 * it through its canonical constructor, with primitives inline (a list of 200,000 {@code record Pt(double x, double
 * y)} encoded in a fifth of the time it took as {@code RecordValue}s of boxed components). Anonymous and local
 * classes too. Interfaces, enums (serializable already) and annotations are left as they are. What a class holds must still be serializable: a
 * {@code Thread} field fails, named by its path.
 *
 * <p>The interface is added to the class file before it is loaded (one constant pool entry pair and one interface
 * index), so the session's class and the bytes shipped to engines agree, and their serialVersionUIDs with them.
 */
final class SerializableCellClasses {

    /**
     * Classes a cell declares, members of a snippet's wrapper class ({@code REPL.$JShell$12$Particle}), and the
     * classes nested in them or in the wrapper's methods, anonymous and local ones too ({@code $1}, {@code $1Local}:
     * what they capture travels with them, as a lambda's does; JShell names an expression's anonymous class
     * {@code $JShell$anonymous$$0}); not the wrapper itself.
     */
    private static final Pattern CELL_CLASS = Pattern.compile("REPL\\.\\$JShell\\$\\w+\\$.+");
    private static final String SERIALIZABLE = "java/io/Serializable";
    private static final int ACC_INTERFACE = 0x0200;
    private static final int ACC_ENUM = 0x4000;
    private static final int ACC_MODULE = 0x8000;
    private static final int UTF8 = 1;
    private static final int CLASS = 7;

    private SerializableCellClasses() {
    }

    /** The class file of {@code binaryName} with Serializable among its interfaces, where it is a cell's class. */
    static byte[] of(String binaryName, byte[] classFile) {
        if (!CELL_CLASS.matcher(binaryName).matches()) {
            return classFile;
        }
        try {
            return withSerializable(classFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the class file of " + binaryName, e);
        }
    }

    private static byte[] withSerializable(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        in.skipNBytes(8); // magic, minor and major version
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] classNames = new int[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case UTF8 -> utf8[i] = in.readUTF();
                case 3, 4 -> in.skipNBytes(4);
                case 5, 6 -> {
                    in.skipNBytes(8);
                    i++; // longs and doubles take two entries
                }
                case CLASS -> classNames[i] = in.readUnsignedShort();
                case 8, 16, 19, 20 -> in.skipNBytes(2);
                case 15 -> in.skipNBytes(3);
                case 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                default -> throw new IOException("unknown constant pool tag " + tag + " at " + i);
            }
        }
        int poolEnd = classFile.length - in.available();
        int access = in.readUnsignedShort();
        in.skipNBytes(2); // this_class
        int superClass = in.readUnsignedShort();
        int interfaces = in.readUnsignedShort();
        String superName = superClass == 0 ? "" : utf8[classNames[superClass]];
        if ((access & (ACC_INTERFACE | ACC_ENUM | ACC_MODULE)) != 0 || superName.equals("java/lang/Enum")
                || count + 2 > 0xFFFF) {
            return classFile;
        }
        for (int i = 0; i < interfaces; i++) {
            if (SERIALIZABLE.equals(utf8[classNames[in.readUnsignedShort()]])) {
                return classFile;
            }
        }
        int interfacesEnd = poolEnd + 8 + 2 * interfaces;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(classFile.length + 32);
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(classFile, 0, 8);
        out.writeShort(count + 2);
        out.write(classFile, 10, poolEnd - 10);
        out.writeByte(UTF8);
        out.writeUTF(SERIALIZABLE); // entry count
        out.writeByte(CLASS);
        out.writeShort(count); // entry count + 1, naming it
        out.write(classFile, poolEnd, 6); // access, this and super
        out.writeShort(interfaces + 1);
        out.write(classFile, poolEnd + 8, 2 * interfaces);
        out.writeShort(count + 1);
        out.write(classFile, interfacesEnd, classFile.length - interfacesEnd);
        return bytes.toByteArray();
    }
}

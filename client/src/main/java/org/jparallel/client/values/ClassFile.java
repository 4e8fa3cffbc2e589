package org.jparallel.client.values;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The parts of a class file that tell which static fields its code can reach: the supertypes,
 * the fields, each method's {@code Code}, and the bootstrap methods of its dynamic constants.
 * Everything else (annotations, debug tables, stack maps) is skipped.
 */
final class ClassFile {

    /** A method; {@code code} is its {@code Code} attribute's bytecode, empty for abstract and native methods. */
    record Method(String name, String descriptor, Optional<byte[]> code) {
    }

    /** An entry of the {@code BootstrapMethods} attribute: a method handle and its arguments, as pool indexes. */
    record Bootstrap(int handle, int[] arguments) {
    }

    private static final int ACC_STATIC = 0x0008;

    final String name;
    final Optional<String> superName;
    final List<String> interfaces;
    final Set<String> staticFields;
    final List<Method> methods;
    final List<Bootstrap> bootstraps;
    final ConstantPool pool;

    private ClassFile(String name, Optional<String> superName, List<String> interfaces, Set<String> staticFields,
                      List<Method> methods, List<Bootstrap> bootstraps, ConstantPool pool) {
        this.name = name;
        this.superName = superName;
        this.interfaces = interfaces;
        this.staticFields = staticFields;
        this.methods = methods;
        this.bootstraps = bootstraps;
        this.pool = pool;
    }

    static ClassFile parse(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != 0xCAFEBABE) {
                throw new UndecodableValueException("shipped bytes are not a class file");
            }
            in.skipNBytes(4);
            ConstantPool pool = ConstantPool.read(in);
            in.skipNBytes(2);
            String name = pool.className(in.readUnsignedShort());
            int superIndex = in.readUnsignedShort();
            Optional<String> superName = superIndex == 0 ? Optional.empty() : Optional.of(pool.className(superIndex));
            List<String> interfaces = new ArrayList<>();
            for (int i = in.readUnsignedShort(); i > 0; i--) {
                interfaces.add(pool.className(in.readUnsignedShort()));
            }
            Set<String> staticFields = new HashSet<>();
            for (int i = in.readUnsignedShort(); i > 0; i--) {
                int access = in.readUnsignedShort();
                String field = pool.utf8(in.readUnsignedShort());
                in.skipNBytes(2);
                skipAttributes(in);
                if ((access & ACC_STATIC) != 0) {
                    staticFields.add(field);
                }
            }
            List<Method> methods = new ArrayList<>();
            for (int i = in.readUnsignedShort(); i > 0; i--) {
                methods.add(readMethod(in, pool));
            }
            List<Bootstrap> bootstraps = new ArrayList<>();
            for (int i = in.readUnsignedShort(); i > 0; i--) {
                String attribute = pool.utf8(in.readUnsignedShort());
                int length = in.readInt();
                if (attribute.equals("BootstrapMethods")) {
                    for (int j = in.readUnsignedShort(); j > 0; j--) {
                        int handle = in.readUnsignedShort();
                        int[] arguments = new int[in.readUnsignedShort()];
                        for (int k = 0; k < arguments.length; k++) {
                            arguments[k] = in.readUnsignedShort();
                        }
                        bootstraps.add(new Bootstrap(handle, arguments));
                    }
                } else {
                    in.skipNBytes(length);
                }
            }
            return new ClassFile(name, superName, List.copyOf(interfaces), Set.copyOf(staticFields),
                    List.copyOf(methods), List.copyOf(bootstraps), pool);
        } catch (IOException e) {
            throw new UndecodableValueException("truncated class file", e);
        }
    }

    /** The method declared here with this name and descriptor. */
    Optional<Method> method(String methodName, String descriptor) {
        return methods.stream().filter(m -> m.name().equals(methodName) && m.descriptor().equals(descriptor))
                .findFirst();
    }

    private static Method readMethod(DataInputStream in, ConstantPool pool) throws IOException {
        in.skipNBytes(2);
        String name = pool.utf8(in.readUnsignedShort());
        String descriptor = pool.utf8(in.readUnsignedShort());
        byte[] code = null;
        for (int i = in.readUnsignedShort(); i > 0; i--) {
            String attribute = pool.utf8(in.readUnsignedShort());
            int length = in.readInt();
            if (attribute.equals("Code")) {
                in.skipNBytes(4);
                code = in.readNBytes(in.readInt());
                in.skipNBytes(length - 8 - code.length);
            } else {
                in.skipNBytes(length);
            }
        }
        return new Method(name, descriptor, Optional.ofNullable(code));
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        for (int i = in.readUnsignedShort(); i > 0; i--) {
            in.skipNBytes(2);
            in.skipNBytes(in.readInt() & 0xFFFFFFFFL);
        }
    }
}

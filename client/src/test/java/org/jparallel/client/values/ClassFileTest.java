package org.jparallel.client.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Reading the class files javac emits, on the JDK running the tests (17 or 25). */
class ClassFileTest {

    private static final FileSystem JDK = FileSystems.getFileSystem(URI.create("jrt:/"));

    private static byte[] jdkClass(String path) throws IOException {
        return Files.readAllBytes(JDK.getPath("/modules/java.base", path));
    }

    @Test
    void everyMethodOfTheRunningJdksJavaUtilDecodes() throws IOException {
        int methods = 0;
        try (Stream<Path> files = Files.walk(JDK.getPath("/modules/java.base/java/util"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                ClassFile type = ClassFile.parse(Files.readAllBytes(file));
                for (ClassFile.Method method : type.methods) {
                    if (method.code().isPresent()) {
                        resolveEveryReference(type, method.code().get());
                        methods++;
                    }
                }
            }
        }
        assertTrue(methods > 10_000, methods + " methods");
    }

    private static void resolveEveryReference(ClassFile type, byte[] code) {
        for (MethodCode.Reference reference : MethodCode.references(code)) {
            int opcode = reference.opcode();
            if (opcode >= MethodCode.GETSTATIC && opcode <= MethodCode.INVOKEINTERFACE) {
                type.pool.member(reference.index());
            } else if (opcode == MethodCode.INVOKEDYNAMIC) {
                assertTrue(type.pool.bootstrap(reference.index()) < type.bootstraps.size());
            } else if (opcode == MethodCode.NEW) {
                type.pool.className(reference.index());
            } else if (opcode == MethodCode.LDC || opcode == MethodCode.LDC_W || opcode == MethodCode.LDC2_W) {
                assertTrue(type.pool.tag(reference.index()) > 0, "ldc of an unused slot");
            }
        }
    }

    @Test
    void readsTheSupertypesAndStaticFieldsOfAClass() throws IOException {
        ClassFile type = ClassFile.parse(jdkClass("java/util/ArrayList.class"));
        assertEquals("java.util.ArrayList", type.name);
        assertEquals("java.util.AbstractList", type.superName.orElseThrow());
        assertTrue(type.interfaces.contains("java.util.RandomAccess"), type.interfaces.toString());
        assertTrue(type.staticFields.contains("EMPTY_ELEMENTDATA"), type.staticFields.toString());
        assertTrue(type.method("add", "(Ljava/lang/Object;)Z").isPresent());
    }

    @Test
    void moduleInfoWithModuleAndPackageConstantsParses() throws IOException {
        ClassFile moduleInfo = ClassFile.parse(jdkClass("module-info.class"));
        assertEquals("module-info", moduleInfo.name);
        assertTrue(ConstantPool.mentionedClasses(jdkClass("module-info.class")).contains("java.lang"));
    }

    @Test
    void dynamicModuleAndPackageConstantsTakeTheirSizes() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeShort(10);
        out.writeByte(ConstantPool.UTF8);
        out.writeUTF("value");                              // 1
        out.writeByte(ConstantPool.UTF8);
        out.writeUTF("I");                                  // 2
        out.writeByte(ConstantPool.NAME_AND_TYPE);
        out.writeShort(1);
        out.writeShort(2);                                  // 3
        out.writeByte(ConstantPool.DYNAMIC);
        out.writeShort(7);
        out.writeShort(3);                                  // 4
        out.writeByte(19);
        out.writeShort(1);                                  // 5: Module
        out.writeByte(20);
        out.writeShort(1);                                  // 6: Package
        out.writeByte(5);
        out.writeLong(42);                                  // 7 and 8: Long
        out.writeByte(ConstantPool.UTF8);
        out.writeUTF("after");                              // 9
        ConstantPool pool = ConstantPool.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertEquals(7, pool.bootstrap(4));
        assertEquals(List.of(19, 20), List.of(pool.tag(5), pool.tag(6)));
        assertEquals("after", pool.utf8(9));
    }
}

package org.jparallel.client.values;

import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Weaves stop checks into a shipped class, as JShell weaves them into snippets on JDK 20 and later: a call to
 * {@link TaskStop#check()} at the start of every method and before every backward branch. A function a client
 * sent (a lambda typed in a cell with a {@code while (true) {}} in it) then stops when its engine is asked to,
 * whether or not it heeds interrupts. Classes of jars on the class path are not shipped, and their code stops
 * only if it heeds interrupts.
 *
 * <p>Only where {@code Thread.stop} no longer stops a thread ({@link TaskStop#WOVEN}, JDK 20 and later): on
 * earlier JDKs an engine stops its function that way, as JShell stops snippets there. Weaving costs each engine
 * 2–3 MB (ASM's classes are of a class file version that class data sharing cannot archive), which JDK 17's
 * engines keep: nothing of ASM loads there.
 *
 * <p>The call takes nothing from the operand stack and declares no local, so the class's stack map frames
 * stay valid as they are.
 */
final class StopChecks {
    private static final String OWNER = Type.getInternalName(TaskStop.class);

    private StopChecks() {
    }

    static byte[] woven(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                MethodVisitor method = super.visitMethod(access, name, descriptor, signature, exceptions);
                return method == null ? null : new Weaver(method);
            }
        }, 0);
        return writer.toByteArray();
    }

    private static final class Weaver extends MethodVisitor {
        /** Labels already passed: a jump to one of them goes backward. */
        private final Set<Label> behind = new HashSet<>();

        Weaver(MethodVisitor next) {
            super(Opcodes.ASM9, next);
        }

        @Override
        public void visitCode() {
            super.visitCode();
            check();
        }

        @Override
        public void visitLabel(Label label) {
            behind.add(label);
            super.visitLabel(label);
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            if (behind.contains(label)) {
                check();
            }
            super.visitJumpInsn(opcode, label);
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
            checkIfBackward(dflt, labels);
            super.visitTableSwitchInsn(min, max, dflt, labels);
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
            checkIfBackward(dflt, labels);
            super.visitLookupSwitchInsn(dflt, keys, labels);
        }

        private void checkIfBackward(Label dflt, Label[] labels) {
            boolean backward = behind.contains(dflt);
            for (Label label : labels) {
                backward |= behind.contains(label);
            }
            if (backward) {
                check();
            }
        }

        private void check() {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, OWNER, "check", "()V", false);
        }
    }
}

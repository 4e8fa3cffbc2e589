package org.jparallel.repl;

import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Weaves stop checks into a class, as JShell weaves them into snippets on JDK 20 and later: a call to a static
 * {@code check()} of the given class at the start of every method and before every backward branch. Code that never
 * heeds an interrupt ({@code while (true) {}}, a parallel stream's lambda running on a pool's thread) then stops
 * wherever it runs once its check says so.
 *
 * <p>Two users: engines weave the classes clients ship on JDK 20 and later, where {@code Thread.stop} is gone
 * ({@code TaskStop}); a session weaves its snippet classes on JDK 17 to 19, where JShell does not
 * ({@link CellExecutionControl}). Weaving costs a JVM 2–3 MB (ASM's classes are of a class file version that class
 * data sharing cannot archive), which is why engines on JDK 17 do without it (bench/README.md).
 *
 * <p>The call takes nothing from the operand stack and declares no local, so the class's stack map frames
 * stay valid as they are.
 */
public final class StopChecks {
    private StopChecks() {
    }

    /**
     * The class with a call to {@code checks.check()} at every method's start and before every backward branch.
     *
     * @param checks the internal name of a class with a public {@code static void check()} that the woven class's
     *     loader can see
     */
    public static byte[] woven(byte[] classFile, String checks) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                MethodVisitor method = super.visitMethod(access, name, descriptor, signature, exceptions);
                return method == null ? null : new Weaver(method, checks);
            }
        }, 0);
        return writer.toByteArray();
    }

    /**
     * A class for woven code to call, as JShell's own {@code REPL.$Cancel$} from JDK 20 on: {@code public static
     * volatile boolean stop;} and {@code public static void check()}, which throws {@code ThreadDeath} (what
     * {@code Thread.stop} throws, and how JShell tells a stopped snippet) while {@code stop} is true. Defined by a
     * session's own loader, so that a stop of one session stops nothing of another in the same JVM.
     *
     * @param name the class's internal name, e.g. {@code REPL/$Stop$}
     */
    public static byte[] checksClass(String name) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, name, null,
                "java/lang/Object", null);
        writer.visitField(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_VOLATILE, "stop", "Z", null, null)
                .visitEnd();
        MethodVisitor check = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "check", "()V", null, null);
        check.visitCode();
        Label go = new Label();
        check.visitFieldInsn(Opcodes.GETSTATIC, name, "stop", "Z");
        check.visitJumpInsn(Opcodes.IFEQ, go);
        check.visitTypeInsn(Opcodes.NEW, "java/lang/ThreadDeath");
        check.visitInsn(Opcodes.DUP);
        check.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/ThreadDeath", "<init>", "()V", false);
        check.visitInsn(Opcodes.ATHROW);
        check.visitLabel(go);
        check.visitInsn(Opcodes.RETURN);
        check.visitMaxs(0, 0);
        check.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    private static final class Weaver extends MethodVisitor {
        /** Labels already passed: a jump to one of them goes backward. */
        private final Set<Label> behind = new HashSet<>();
        private final String checks;

        Weaver(MethodVisitor next, String checks) {
            super(Opcodes.ASM9, next);
            this.checks = checks;
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
            super.visitMethodInsn(Opcodes.INVOKESTATIC, checks, "check", "()V", false);
        }
    }
}

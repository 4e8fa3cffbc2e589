package org.jparallel.client.values;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decodes the bytecode of a {@code Code} attribute into the instructions that refer to the
 * constant pool ({@code getstatic}, {@code invokevirtual}, {@code ldc}, {@code new}, ...), walking
 * every other instruction by its operand length, {@code tableswitch}/{@code lookupswitch}
 * padding and {@code wide} included.
 */
final class MethodCode {

    static final int LDC = 0x12;
    static final int LDC_W = 0x13;
    static final int LDC2_W = 0x14;
    static final int GETSTATIC = 0xb2;
    static final int PUTSTATIC = 0xb3;
    static final int GETFIELD = 0xb4;
    static final int PUTFIELD = 0xb5;
    static final int INVOKEVIRTUAL = 0xb6;
    static final int INVOKESPECIAL = 0xb7;
    static final int INVOKESTATIC = 0xb8;
    static final int INVOKEINTERFACE = 0xb9;
    static final int INVOKEDYNAMIC = 0xba;
    static final int NEW = 0xbb;

    private static final int TABLESWITCH = 0xaa;
    private static final int LOOKUPSWITCH = 0xab;
    private static final int WIDE = 0xc4;
    private static final int IINC = 0x84;

    /** Bytes of operands after each fixed-length opcode; -1 for opcodes not valid in class files. */
    private static final int[] OPERANDS = operandLengths();

    /** An instruction with a constant pool operand, at {@code offset} in the code. */
    record Reference(int offset, int opcode, int index) {
    }

    private MethodCode() {
    }

    /** The instructions of {@code code} that refer to the constant pool, in order. */
    static List<Reference> references(byte[] code) {
        List<Reference> references = new ArrayList<>();
        int pc = 0;
        while (pc < code.length) {
            int opcode = code[pc] & 0xFF;
            int next;
            if (opcode == TABLESWITCH) {
                int table = padded(pc);
                next = table + 12 + 4 * (int32(code, table + 8) - int32(code, table + 4) + 1);
            } else if (opcode == LOOKUPSWITCH) {
                int table = padded(pc);
                next = table + 8 + 8 * int32(code, table + 4);
            } else if (opcode == WIDE) {
                next = pc + (unsigned(code, pc + 1) == IINC ? 6 : 4);
            } else if (OPERANDS[opcode] < 0) {
                throw new UndecodableValueException("unknown opcode " + opcode + " at " + pc);
            } else {
                next = pc + 1 + OPERANDS[opcode];
                if (opcode == LDC) {
                    references.add(new Reference(pc, opcode, unsigned(code, pc + 1)));
                } else if (refersToPool(opcode)) {
                    references.add(new Reference(pc, opcode, (unsigned(code, pc + 1) << 8) | unsigned(code, pc + 2)));
                }
            }
            if (next <= pc || next > code.length) {
                throw new UndecodableValueException("instruction " + opcode + " at " + pc + " runs past the code");
            }
            pc = next;
        }
        return references;
    }

    /** ldc_w, ldc2_w, field and method instructions, new, anewarray, checkcast, instanceof, multianewarray. */
    private static boolean refersToPool(int opcode) {
        return opcode == LDC_W || opcode == LDC2_W || (opcode >= GETSTATIC && opcode <= NEW)
                || opcode == 0xbd || opcode == 0xc0 || opcode == 0xc1 || opcode == 0xc5;
    }

    /** Switch operands start at the next multiple of 4 from the start of the code. */
    private static int padded(int pc) {
        return (pc + 4) & ~3;
    }

    private static int unsigned(byte[] code, int at) {
        if (at >= code.length) {
            throw new UndecodableValueException("operand at " + at + " runs past the code");
        }
        return code[at] & 0xFF;
    }

    private static int int32(byte[] code, int at) {
        return (unsigned(code, at) << 24) | (unsigned(code, at + 1) << 16) | (unsigned(code, at + 2) << 8)
                | unsigned(code, at + 3);
    }

    private static int[] operandLengths() {
        int[] lengths = new int[256];
        Arrays.fill(lengths, -1);
        Arrays.fill(lengths, 0x00, 0xca, 0);     // nop .. jsr_w: no operands unless set below
        lengths[0x10] = 1;                                   // bipush
        lengths[0x11] = 2;                                   // sipush
        lengths[LDC] = 1;
        lengths[LDC_W] = 2;
        lengths[LDC2_W] = 2;
        Arrays.fill(lengths, 0x15, 0x1a, 1);     // iload .. aload
        Arrays.fill(lengths, 0x36, 0x3b, 1);     // istore .. astore
        lengths[IINC] = 2;
        Arrays.fill(lengths, 0x99, 0xa9, 2);     // if<cond>, if_<cmp>, goto, jsr
        lengths[0xa9] = 1;                                   // ret
        Arrays.fill(lengths, GETSTATIC, INVOKEINTERFACE, 2);
        lengths[INVOKEINTERFACE] = 4;
        lengths[INVOKEDYNAMIC] = 4;
        lengths[NEW] = 2;
        lengths[0xbc] = 1;                                   // newarray
        lengths[0xbd] = 2;                                   // anewarray
        lengths[0xc0] = 2;                                   // checkcast
        lengths[0xc1] = 2;                                   // instanceof
        lengths[0xc5] = 3;                                   // multianewarray
        lengths[0xc6] = 2;                                   // ifnull
        lengths[0xc7] = 2;                                   // ifnonnull
        lengths[0xc8] = 4;                                   // goto_w
        lengths[0xc9] = 4;                                   // jsr_w
        return lengths;
    }
}

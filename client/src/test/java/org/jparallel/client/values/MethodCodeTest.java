package org.jparallel.client.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Walking bytecode by operand lengths: what javac emits, switches and wide included. */
class MethodCodeTest {

    private static final int NOP = 0x00;
    private static final int RETURN = 0xb1;

    /** Writes code the way a test spells it: opcodes and operands, with switch tables at their real offsets. */
    private static final class Code {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final DataOutputStream out = new DataOutputStream(bytes);

        Code op(int... bytesToWrite) throws IOException {
            for (int b : bytesToWrite) {
                out.writeByte(b);
            }
            return this;
        }

        Code padded() throws IOException {
            while (bytes.size() % 4 != 0) {
                out.writeByte(0);
            }
            return this;
        }

        Code ints(int... values) throws IOException {
            for (int v : values) {
                out.writeInt(v);
            }
            return this;
        }

        int size() {
            return bytes.size();
        }

        byte[] done() {
            return bytes.toByteArray();
        }
    }

    @Test
    void tableswitchIsSkippedWhateverItsPadding() throws IOException {
        for (int nops = 0; nops < 4; nops++) {
            Code code = new Code();
            for (int i = 0; i < nops; i++) {
                code.op(NOP);
            }
            code.op(0xaa).padded().ints(20, 0, 2, 20, 20, 20);
            int getstatic = code.size();
            code.op(MethodCode.GETSTATIC, 0, 5).op(RETURN);
            assertEquals(List.of(new MethodCode.Reference(getstatic, MethodCode.GETSTATIC, 5)),
                    MethodCode.references(code.done()), "after " + nops + " nops");
        }
    }

    @Test
    void lookupswitchIsSkippedWhateverItsPadding() throws IOException {
        for (int nops = 0; nops < 4; nops++) {
            Code code = new Code();
            for (int i = 0; i < nops; i++) {
                code.op(NOP);
            }
            code.op(0xab).padded().ints(20, 2, 1, 20, 7, 20);
            int invoke = code.size();
            code.op(MethodCode.INVOKESTATIC, 1, 2).op(RETURN);
            assertEquals(List.of(new MethodCode.Reference(invoke, MethodCode.INVOKESTATIC, 258)),
                    MethodCode.references(code.done()), "after " + nops + " nops");
        }
    }

    @Test
    void wideInstructionsCarryWideOperands() throws IOException {
        Code code = new Code().op(0xc4, 0x84, 1, 0, 0x7f, 0xff).op(0xc4, 0x15, 1, 0);
        int putstatic = code.size();
        code.op(MethodCode.PUTSTATIC, 0, 9).op(RETURN);
        assertEquals(List.of(new MethodCode.Reference(putstatic, MethodCode.PUTSTATIC, 9)),
                MethodCode.references(code.done()));
    }

    @Test
    void ldcHasAOneByteIndexAndLdcWATwoByteOne() throws IOException {
        byte[] code = new Code().op(MethodCode.LDC, 200).op(MethodCode.LDC_W, 1, 44).op(0xb0).done();
        assertEquals(List.of(new MethodCode.Reference(0, MethodCode.LDC, 200),
                new MethodCode.Reference(2, MethodCode.LDC_W, 300)), MethodCode.references(code));
    }

    @Test
    void invokeinterfaceAndInvokedynamicSkipTheirExtraBytes() throws IOException {
        byte[] code = new Code().op(MethodCode.INVOKEINTERFACE, 0, 3, 1, 0).op(MethodCode.INVOKEDYNAMIC, 0, 4, 0, 0)
                .op(RETURN).done();
        assertEquals(List.of(new MethodCode.Reference(0, MethodCode.INVOKEINTERFACE, 3),
                new MethodCode.Reference(5, MethodCode.INVOKEDYNAMIC, 4)), MethodCode.references(code));
    }

    @Test
    void unknownOpcodeIsAnError() {
        assertThrows(UndecodableValueException.class, () -> MethodCode.references(new byte[] {NOP, (byte) 0xcb}));
    }

    @Test
    void operandCutByTheEndOfTheCodeIsAnError() {
        assertThrows(UndecodableValueException.class,
                () -> MethodCode.references(new byte[] {(byte) MethodCode.GETSTATIC, 0}));
    }
}

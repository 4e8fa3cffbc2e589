package org.jparallel.kernel.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.jparallel.magic.MagicCall;
import org.jparallel.magic.MagicKind;
import org.jparallel.magic.MagicUsageException;
import org.junit.jupiter.api.Test;

class HistoryMagicTest {
    private final History history = new History();
    private final HistoryMagic magic = new HistoryMagic(history);

    HistoryMagicTest() {
        history.add(1, "int a = 1;");
        history.add(2, "a + 1");
        history.output(2, "2");
        history.add(3, "for (int i = 0; i < 2; i++) {\n    a++;\n}");
    }

    private String printed(String arguments) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            magic.run(new MagicCall("history", MagicKind.LINE, arguments, null, false), null);
        } finally {
            System.setOut(stdout);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyInputOldestFirst() throws Exception {
        assertEquals("int a = 1;\na + 1\nfor (int i = 0; i < 2; i++) {\n    a++;\n}\n", printed(""));
    }

    @Test
    void numbersLineUpTheLinesOfACell() throws Exception {
        assertEquals("3: for (int i = 0; i < 2; i++) {\n       a++;\n   }\n", printed("-n 3"));
    }

    @Test
    void aRangeWithItsOutputs() throws Exception {
        assertEquals("int a = 1;\na + 1\nOut[2]: 2\n", printed("-o 1-2"));
    }

    @Test
    void theLastFew() throws Exception {
        assertEquals("a + 1\nfor (int i = 0; i < 2; i++) {\n    a++;\n}\n", printed("-l 2"));
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        assertEquals("%history takes -n, -o, -l N and one RANGE, not '-x'",
                assertThrows(MagicUsageException.class, () -> printed("-x")).getMessage());
    }
}

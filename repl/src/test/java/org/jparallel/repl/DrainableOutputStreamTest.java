package org.jparallel.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DrainableOutputStreamTest {
    private final List<String> sent = new ArrayList<>();
    private final DrainableOutputStream stdout = new DrainableOutputStream(sent::add);

    @Test
    void writesBecomeOneChunkPerDrain() {
        stdout.write("a\n".getBytes(StandardCharsets.UTF_8), 0, 2);
        stdout.write("b\n".getBytes(StandardCharsets.UTF_8), 0, 2);
        stdout.drain();
        assertEquals(List.of("a\nb\n"), sent);
    }

    @Test
    void interleavedStreamsKeepTheOrderOfTheirWrites() {
        DrainableOutputStream stderr = new DrainableOutputStream(text -> sent.add("err:" + text));
        DrainableOutputStream.interleave(stdout, stderr);
        stdout.write("a\n".getBytes(StandardCharsets.UTF_8), 0, 2);
        stdout.write("b\n".getBytes(StandardCharsets.UTF_8), 0, 2);
        stderr.write("oops\n".getBytes(StandardCharsets.UTF_8), 0, 5);
        stdout.write("c\n".getBytes(StandardCharsets.UTF_8), 0, 2);
        stdout.drain();
        stderr.drain();
        assertEquals(List.of("a\nb\n", "err:oops\n", "c\n"), sent);
    }

    @Test
    void aWriterThatFillsTheBufferDrainsItItselfSoASlowSinkHoldsItBack() {
        byte[] line = new byte[DrainableOutputStream.WRITER_DRAINS_AT / 2];
        Arrays.fill(line, (byte) 'x');
        stdout.write(line, 0, line.length);
        assertEquals(List.of(), sent);
        stdout.write(line, 0, line.length);
        assertEquals(1, sent.size(), "the second write should have drained the full buffer itself");
        assertEquals(DrainableOutputStream.WRITER_DRAINS_AT, sent.get(0).length());
    }

    @Test
    void discardDropsWhatWasNotDrained() {
        stdout.write("lost\n".getBytes(StandardCharsets.UTF_8), 0, 5);
        assertEquals(5, stdout.discard());
        stdout.drain();
        assertEquals(List.of(), sent);
    }

    @Test
    void nothingWrittenSendsNothing() {
        stdout.drain();
        assertEquals(List.of(), sent);
    }

    @Test
    void aCharacterSplitBetweenWritesArrivesWhole() {
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
        stdout.write(euro, 0, 1);
        stdout.drain();
        stdout.write(euro, 1, 2);
        stdout.drain();
        assertEquals(List.of("€"), sent, "nothing sent while the character was incomplete");
    }

    @Test
    void completePrefixStopsBeforeAnUnfinishedCharacter() {
        byte[] bytes = "a😀".getBytes(StandardCharsets.UTF_8);
        assertEquals(1, DrainableOutputStream.completeUtf8Prefix(Arrays.copyOf(bytes, 3)));
        assertEquals(bytes.length, DrainableOutputStream.completeUtf8Prefix(bytes));
    }
}

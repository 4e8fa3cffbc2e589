package org.jparallel.kernel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jparallel.kernel.channel.Channel;
import org.jparallel.wire.Message;
import org.junit.jupiter.api.Test;

class StreamPublisherTest {
    private final List<Message> sent = new ArrayList<>();
    private final StreamPublisher stdout =
            new StreamPublisher("stdout", new IoPub((channel, m) -> sent.add(m), "s"), new RequestScope());

    private String texts() {
        StringBuilder all = new StringBuilder();
        sent.forEach(m -> all.append(m.content().get("text").getAsString()));
        return all.toString();
    }

    @Test
    void writesBecomeOneStreamMessagePerDrain() {
        stdout.write("a\n".getBytes(StandardCharsets.UTF_8), 0, 2);
        stdout.write("b\n".getBytes(StandardCharsets.UTF_8), 0, 2);
        stdout.drain();
        assertEquals(1, sent.size());
        assertEquals("stdout", sent.get(0).content().get("name").getAsString());
        assertEquals("a\nb\n", texts());
    }

    @Test
    void nothingWrittenSendsNothing() {
        stdout.drain();
        assertEquals(0, sent.size());
    }

    @Test
    void aCharacterSplitBetweenWritesArrivesWhole() {
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
        stdout.write(euro, 0, 1);
        stdout.drain();
        stdout.write(euro, 1, 2);
        stdout.drain();
        assertEquals("€", texts());
        assertEquals(1, sent.size(), "nothing sent while the character was incomplete");
    }

    @Test
    void completePrefixStopsBeforeAnUnfinishedCharacter() {
        byte[] bytes = "a😀".getBytes(StandardCharsets.UTF_8);
        assertEquals(1, StreamPublisher.completeUtf8Prefix(java.util.Arrays.copyOf(bytes, 3)));
        assertEquals(bytes.length, StreamPublisher.completeUtf8Prefix(bytes));
    }

    @Test
    void streamsGoToIopub() {
        List<Channel> channels = new ArrayList<>();
        StreamPublisher err = new StreamPublisher("stderr", new IoPub((c, m) -> channels.add(c), "s"),
                new RequestScope());
        err.write('x');
        err.drain();
        assertEquals(List.of(Channel.IOPUB), channels);
    }
}

package org.jparallel.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MessageCodecTest {
    private final MessageCodec codec = new MessageCodec(HmacSigner.create("hmac-sha256", "key"));

    private static Message request() {
        JsonObject content = new JsonObject();
        content.addProperty("code", "1 + 1");
        return Message.create("execute_request", "session-1", content)
                .withIdentities(List.of("client".getBytes(StandardCharsets.UTF_8)))
                .withBuffers(List.of(new byte[] {1, 2, 3}));
    }

    @Test
    void decodeReturnsWhatWasEncoded() throws Exception {
        Message sent = request();
        Message received = codec.decode(codec.encode(sent));
        assertEquals(sent.header(), received.header());
        assertEquals("1 + 1", received.content().get("code").getAsString());
        assertArrayEquals(sent.identities().get(0), received.identities().get(0));
        assertArrayEquals(new byte[] {1, 2, 3}, received.buffers().get(0));
    }

    @Test
    void framesFollowJupytersLayout() {
        List<byte[]> frames = codec.encode(request());
        assertArrayEquals(MessageCodec.DELIMITER, frames.get(1));
        assertEquals(64, frames.get(2).length, "hex sha256 signature");
        assertEquals(8, frames.size(), "identity, delimiter, signature, 4 dicts, 1 buffer");
    }

    @Test
    void replyCarriesTheRequestHeaderAsParentAndItsIdentities() {
        Message request = request();
        Message reply = request.reply("execute_reply", "kernel", new JsonObject());
        assertEquals(request.header().toJson(), reply.parentHeader());
        assertArrayEquals(request.identities().get(0), reply.identities().get(0));
    }

    @Test
    void tamperedContentIsRefused() {
        List<byte[]> frames = new ArrayList<>(codec.encode(request()));
        frames.set(6, "{\"code\":\"System.exit(0)\"}".getBytes(StandardCharsets.UTF_8));
        var e = assertThrows(MalformedMessageException.class, () -> codec.decode(frames));
        assertEquals("bad signature", e.getMessage());
    }

    @Test
    void replayedMessageIsRefused() throws Exception {
        List<byte[]> frames = codec.encode(request());
        codec.decode(frames);
        var e = assertThrows(MalformedMessageException.class, () -> codec.decode(frames));
        assertEquals("replayed signature", e.getMessage());
    }

    @Test
    void aReplayWhoseSignatureIsWrittenInCapitalsIsRefused() throws Exception {
        List<byte[]> frames = codec.encode(request());
        codec.decode(frames);
        List<byte[]> replay = new ArrayList<>(frames);
        replay.set(2, new String(frames.get(2), StandardCharsets.US_ASCII).toUpperCase(Locale.ROOT)
                .getBytes(StandardCharsets.US_ASCII));
        assertThrows(MalformedMessageException.class, () -> codec.decode(replay));
    }

    @Test
    void missingFramesAreRefused() {
        List<byte[]> frames = codec.encode(request()).subList(0, 5);
        var e = assertThrows(MalformedMessageException.class, () -> codec.decode(frames));
        assertTrue(e.getMessage().contains("expected signature"), e.getMessage());
    }

    @Test
    void missingDelimiterIsRefused() {
        List<byte[]> frames = new ArrayList<>(codec.encode(request()));
        frames.remove(1);
        assertThrows(MalformedMessageException.class, () -> codec.decode(frames));
    }

    @Test
    void aSignedMessageWithAValidHeaderButUnreadableContentCanBeAnswered() {
        Message sent = request();
        List<byte[]> body = List.of(JsonFrames.write(sent.header().toJson()), new byte[] {'{', '}'},
                new byte[] {'{', '}'}, "{\"code\": ".getBytes(StandardCharsets.UTF_8));
        List<byte[]> frames = new ArrayList<>(sent.identities());
        frames.add(MessageCodec.DELIMITER);
        frames.add(codec.signer().sign(body));
        frames.addAll(body);
        var e = assertThrows(MalformedMessageException.class, () -> codec.decode(frames));
        Message answerable = e.answerable().orElseThrow();
        assertEquals(sent.header(), answerable.header());
        assertArrayEquals(sent.identities().get(0), answerable.identities().get(0));
    }

    @Test
    void aBadSignatureIsNeverAnswerable() {
        List<byte[]> frames = new ArrayList<>(codec.encode(request()));
        frames.set(6, "{\"code\": ".getBytes(StandardCharsets.UTF_8));
        var e = assertThrows(MalformedMessageException.class, () -> codec.decode(frames));
        assertTrue(e.answerable().isEmpty());
    }

    @Test
    void invalidJsonIsRefusedEvenWhenSigned() {
        List<byte[]> body = List.of("{not json".getBytes(StandardCharsets.UTF_8), new byte[] {'{', '}'},
                new byte[] {'{', '}'}, new byte[] {'{', '}'});
        List<byte[]> frames = new ArrayList<>();
        frames.add(MessageCodec.DELIMITER);
        frames.add(codec.signer().sign(body));
        frames.addAll(body);
        var e = assertThrows(MalformedMessageException.class, () -> codec.decode(frames));
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
    }
}

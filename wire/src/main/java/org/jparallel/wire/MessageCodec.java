package org.jparallel.wire;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns messages into Jupyter's multipart frames and back:
 * identities, {@code <IDS|MSG>}, signature, header, parent header, metadata, content, buffers.
 *
 * <p>Decoding checks the signature before it parses any JSON, and refuses a signature it has seen
 * before, so a forged or replayed message never reaches a handler.
 *
 * <pre>{@code
 * MessageCodec codec = new MessageCodec(HmacSigner.create("hmac-sha256", key));
 * List<byte[]> frames = codec.encode(message);
 * Message back = codec.decode(frames);
 * }</pre>
 */
public final class MessageCodec {
    /** The frame that separates routing identities from the message. */
    public static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);

    private static final int REPLAY_MEMORY = 65_536;

    private final HmacSigner signer;
    private final ReplayGuard replays;

    public MessageCodec(HmacSigner signer) {
        this.signer = signer;
        this.replays = new ReplayGuard(REPLAY_MEMORY);
    }

    public HmacSigner signer() {
        return signer;
    }

    /** The frames of a message, signed. */
    public List<byte[]> encode(Message message) {
        List<byte[]> body = List.of(
                json(message.header().toJson()),
                json(message.parentHeader()),
                json(message.metadata()),
                json(message.content()));
        List<byte[]> frames = new ArrayList<>(message.identities().size() + 6 + message.buffers().size());
        frames.addAll(message.identities());
        frames.add(DELIMITER);
        frames.add(signer.sign(body));
        frames.addAll(body);
        frames.addAll(message.buffers());
        return frames;
    }

    /**
     * The message in these frames.
     *
     * @throws MalformedMessageException when frames are missing, the signature is wrong or replayed,
     *                                   or a dict is not valid JSON
     */
    public Message decode(List<byte[]> frames) throws MalformedMessageException {
        int delimiter = indexOfDelimiter(frames);
        if (delimiter < 0) {
            throw new MalformedMessageException("no <IDS|MSG> delimiter among " + frames.size() + " frames");
        }
        if (frames.size() - delimiter - 1 < 5) {
            throw new MalformedMessageException("expected signature, header, parent, metadata and content after "
                    + "the delimiter, got " + (frames.size() - delimiter - 1) + " frames");
        }
        byte[] signature = frames.get(delimiter + 1);
        List<byte[]> body = frames.subList(delimiter + 2, delimiter + 6);
        if (!signer.verify(signature, body)) {
            throw new MalformedMessageException("bad signature");
        }
        if (signer.enabled() && !replays.firstSighting(signature)) {
            throw new MalformedMessageException("replayed signature");
        }
        Header header = Header.fromJson(object(body.get(0), "header"));
        List<byte[]> identities = frames.subList(0, delimiter);
        try {
            return new Message(
                    identities,
                    header,
                    object(body.get(1), "parent header"),
                    object(body.get(2), "metadata"),
                    object(body.get(3), "content"),
                    frames.subList(delimiter + 6, frames.size()));
        } catch (MalformedMessageException e) {
            throw e.answerableAs(new Message(identities, header, null, null, null, List.of()));
        }
    }

    private static int indexOfDelimiter(List<byte[]> frames) {
        for (int i = 0; i < frames.size(); i++) {
            if (Arrays.equals(frames.get(i), DELIMITER)) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] json(JsonObject object) {
        return JsonFrames.write(object);
    }

    private static JsonObject object(byte[] frame, String what) throws MalformedMessageException {
        try {
            return JsonFrames.parse(frame);
        } catch (MalformedMessageException e) {
            throw new MalformedMessageException(what + " is " + e.getMessage(), e);
        }
    }
}

package org.jparallel.controller.hub;

import com.google.gson.JsonObject;
import java.util.Arrays;
import java.util.List;
import org.jparallel.wire.HmacSigner;
import org.jparallel.wire.JsonFrames;
import org.jparallel.wire.MalformedMessageException;
import org.jparallel.wire.MessageCodec;
import org.jparallel.wire.ReplayGuard;

/**
 * What routing needs from a message's frames, read without decoding its content or buffers: the
 * position of the delimiter, the header's id and type, and on demand the parent's id and the metadata. The
 * signature is checked first, as {@link MessageCodec} does. The ids are scanned out of their dicts
 * ({@link JsonFrames#strings}) rather than parsed into Gson trees: the controller does this for every message
 * it relays, two or three per task.
 */
final class RoutingHeader {
    private final List<byte[]> frames;
    private final int delimiter;
    private final String msgId;
    private final String msgType;
    private JsonObject metadata;

    private RoutingHeader(List<byte[]> frames, int delimiter, String msgId, String msgType) {
        this.frames = frames;
        this.delimiter = delimiter;
        this.msgId = msgId;
        this.msgType = msgType;
    }

    /**
     * @param from the first frame to look for the delimiter at (identities come before it)
     * @throws MalformedMessageException when the frames are not a signed message
     */
    static RoutingHeader read(List<byte[]> frames, int from, HmacSigner signer, ReplayGuard replays)
            throws MalformedMessageException {
        int delimiter = -1;
        for (int i = from; i < frames.size(); i++) {
            if (Arrays.equals(frames.get(i), MessageCodec.DELIMITER)) {
                delimiter = i;
                break;
            }
        }
        if (delimiter < 0 || frames.size() - delimiter - 1 < 5) {
            throw new MalformedMessageException("not a message: no delimiter or too few frames");
        }
        byte[] signature = frames.get(delimiter + 1);
        if (!signer.verify(signature, frames.subList(delimiter + 2, delimiter + 6))) {
            throw new MalformedMessageException("bad signature");
        }
        if (signer.enabled() && !replays.firstSighting(signature)) {
            throw new MalformedMessageException("replayed signature");
        }
        String[] idAndType = JsonFrames.strings(frames.get(delimiter + 2), "msg_id", "msg_type");
        if (idAndType[0] == null || idAndType[1] == null) {
            throw new MalformedMessageException("header lacks msg_id or msg_type");
        }
        return new RoutingHeader(frames, delimiter, idAndType[0], idAndType[1]);
    }

    int delimiter() {
        return delimiter;
    }

    String msgId() {
        return msgId;
    }

    String msgType() {
        return msgType;
    }

    byte[] headerFrame() {
        return frames.get(delimiter + 2);
    }

    byte[] parentHeaderFrame() {
        return frames.get(delimiter + 3);
    }

    /** The {@code msg_id} of the parent header: the request a reply or an output belongs to; null if it has none. */
    String parentMsgId() throws MalformedMessageException {
        return JsonFrames.strings(frames.get(delimiter + 3), "msg_id")[0];
    }

    JsonObject metadata() throws MalformedMessageException {
        if (metadata == null) {
            metadata = object(frames.get(delimiter + 4));
        }
        return metadata;
    }

    byte[] metadataFrame() {
        return frames.get(delimiter + 4);
    }

    byte[] contentFrame() {
        return frames.get(delimiter + 5);
    }

    /** The raw buffers after the content, as they came. */
    List<byte[]> buffers() {
        return frames.subList(delimiter + 6, frames.size());
    }

    static JsonObject object(byte[] frame) throws MalformedMessageException {
        return JsonFrames.parse(frame);
    }
}

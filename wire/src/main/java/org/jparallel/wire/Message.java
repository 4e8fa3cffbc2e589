package org.jparallel.wire;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Objects;

/**
 * One message of Jupyter's wire protocol, also used between the cluster's processes.
 *
 * <p>The parent header stays a raw JSON dict: it is echoed back exactly as the requester sent it,
 * and may be empty.
 *
 * <pre>{@code
 * Message reply = request.reply("kernel_info_reply", content, session);
 * }</pre>
 *
 * @param identities  routing identities before the {@code <IDS|MSG>} delimiter
 * @param header      this message's header
 * @param parentHeader the header of the message this one answers, or an empty dict
 * @param metadata    the metadata dict
 * @param content     the content dict
 * @param buffers     raw binary buffers that follow the content
 */
public record Message(List<byte[]> identities, Header header, JsonObject parentHeader, JsonObject metadata,
                      JsonObject content, List<byte[]> buffers) {

    public Message {
        identities = List.copyOf(identities);
        Objects.requireNonNull(header, "header");
        parentHeader = parentHeader == null ? new JsonObject() : parentHeader;
        metadata = metadata == null ? new JsonObject() : metadata;
        content = content == null ? new JsonObject() : content;
        buffers = List.copyOf(buffers);
    }

    /** A new message with no identities, parent or buffers. */
    public static Message create(String msgType, String session, JsonObject content) {
        return new Message(List.of(), Header.create(msgType, session, "jparallel"), null, null, content, List.of());
    }

    /** A message answering this one: same identities, this header as parent. */
    public Message reply(String msgType, String session, JsonObject content) {
        return new Message(identities, Header.create(msgType, session, header.username()), header.toJson(),
                null, content, List.of());
    }

    /** A message caused by this one but sent elsewhere (e.g. on iopub): no identities, this header as parent. */
    public Message child(String msgType, String session, JsonObject content) {
        return new Message(List.of(), Header.create(msgType, session, header.username()), header.toJson(),
                null, content, List.of());
    }

    public String msgType() {
        return header.msgType();
    }

    public Message withIdentities(List<byte[]> newIdentities) {
        return new Message(newIdentities, header, parentHeader, metadata, content, buffers);
    }

    public Message withMetadata(JsonObject newMetadata) {
        return new Message(identities, header, parentHeader, newMetadata, content, buffers);
    }

    public Message withBuffers(List<byte[]> newBuffers) {
        return new Message(identities, header, parentHeader, metadata, content, newBuffers);
    }
}

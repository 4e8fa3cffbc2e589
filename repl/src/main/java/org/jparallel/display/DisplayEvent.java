package org.jparallel.display;

import java.util.Objects;
import java.util.Optional;

/**
 * One output for the kernel to publish on IOPub: a {@code display_data}, or with
 * {@code update} an {@code update_display_data} that replaces every output shown earlier
 * under the same {@code displayId} ({@code transient.display_id} on the wire).
 *
 * <pre>{@code
 * DisplaySink sink = event -> iopub.send(event.messageType(), event.bundle().dataJson(),
 *         event.bundle().metadataJson(), event.displayId());
 * }</pre>
 */
public record DisplayEvent(MimeBundle bundle, Optional<String> displayId, boolean update) {

    public DisplayEvent {
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(displayId, "displayId");
        if (update && displayId.isEmpty()) {
            throw new IllegalArgumentException("an update needs the display id of the output it replaces");
        }
    }

    /** A new output, which later updates can replace by {@code displayId}. */
    public static DisplayEvent show(MimeBundle bundle, String displayId) {
        return new DisplayEvent(bundle, Optional.of(displayId), false);
    }

    /** New content for the outputs shown under {@code displayId}. */
    public static DisplayEvent update(MimeBundle bundle, String displayId) {
        return new DisplayEvent(bundle, Optional.of(displayId), true);
    }

    /** The Jupyter message type: {@code display_data} or {@code update_display_data}. */
    public String messageType() {
        return update ? "update_display_data" : "display_data";
    }

    /** The message's content: {@code data}, {@code metadata} and {@code transient.display_id}. */
    public com.google.gson.JsonObject content() {
        com.google.gson.JsonObject content = new com.google.gson.JsonObject();
        content.add("data", bundle.dataJson());
        content.add("metadata", bundle.metadataJson());
        com.google.gson.JsonObject transientPart = new com.google.gson.JsonObject();
        displayId.ifPresent(id -> transientPart.addProperty("display_id", id));
        content.add("transient", transientPart);
        return content;
    }
}

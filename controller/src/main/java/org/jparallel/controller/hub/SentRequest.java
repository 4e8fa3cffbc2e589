package org.jparallel.controller.hub;

import com.google.gson.JsonObject;
import java.util.List;

/**
 * A load-balanced request as it came from its client, kept for sending it again: while it runs (retries, unmet
 * requirements), and while an engine holds its result when its retries allow remaking a lost value.
 *
 * @param frames   the request's frames, from its client identity on
 * @param metadata its metadata, for the scheduler
 */
record SentRequest(List<byte[]> frames, JsonObject metadata) {

    /** Whether the task may run again after a failure: its {@code retries} flag is above 0. */
    boolean retries() {
        return metadata.get("retries") instanceof com.google.gson.JsonPrimitive retries && retries.isNumber()
                && retries.getAsInt() > 0;
    }
}

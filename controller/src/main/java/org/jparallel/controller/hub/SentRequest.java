package org.jparallel.controller.hub;

import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jparallel.wire.HmacSigner;
import org.jparallel.wire.JsonFrames;
import org.jparallel.wire.MessageCodec;

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
        return metadata.get("retries") instanceof JsonPrimitive retries && retries.isNumber()
                && retries.getAsInt() > 0;
    }

    /**
     * The frames to send it once more: its metadata counts the attempt, signed anew. An engine drops a signature it
     * has seen (a replay), and a retry may well go back to the engine that ran the task before.
     */
    List<byte[]> again(int attempt, HmacSigner signer) {
        int delimiter = 0;
        while (!Arrays.equals(frames.get(delimiter), MessageCodec.DELIMITER)) {
            delimiter++;
        }
        JsonObject counted = metadata.deepCopy();
        counted.addProperty("attempt", attempt);
        List<byte[]> again = new ArrayList<>(frames);
        again.set(delimiter + 4, JsonFrames.write(counted));
        again.set(delimiter + 1, signer.sign(again.subList(delimiter + 2, delimiter + 6)));
        return again;
    }
}

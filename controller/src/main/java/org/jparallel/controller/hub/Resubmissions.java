package org.jparallel.controller.hub;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jparallel.controller.records.KeptRequest;
import org.jparallel.controller.records.TaskRecord;
import org.jparallel.wire.Header;
import org.jparallel.wire.JsonFrames;
import org.jparallel.wire.MalformedMessageException;
import org.jparallel.wire.MessageCodec;

/**
 * {@code resubmit_request {msg_ids, new_ids}}: runs finished apply tasks again from the requests their records keep,
 * as ipyparallel's {@code rc.resubmit}: load-balanced on any engine, each under the new msg_id its client chose (so
 * that the client awaits the answers before the first can come), answering the client that asked. Every id is
 * checked before any task is sent: a refused request sends none. Runs under the hub's lock.
 */
final class Resubmissions {
    /**
     * Flags that tie a task to engines (a direct view's, a load-balanced view's of some engines) or to other tasks of
     * its first run: a task runs again because of how that run went, so neither its engines nor its dependencies
     * hold it back. Its other flags ({@code retries},
     * {@code timeout}, {@code require}, {@code depend}, {@code label}) stay.
     */
    private static final List<String> FIRST_RUN_FLAGS = List.of("targets", "lb_targets", "after", "follow", "attempt");

    /** Why a resubmit is refused: the reply's {@code ename} and {@code evalue}, and the task it is about. */
    static final class Refused extends Exception {
        final String ename;
        final String msgId;

        Refused(String ename, String evalue) {
            this(ename, evalue, "");
        }

        Refused(String ename, String evalue, String msgId) {
            super(evalue, null, false, false);
            this.ename = ename;
            this.msgId = msgId;
        }

        JsonObject content() {
            JsonObject content = ClientReplies.errorContent(ename, getMessage());
            content.addProperty("msg_id", msgId);
            return content;
        }
    }

    private final Hub hub;

    Resubmissions(Hub hub) {
        this.hub = hub;
    }

    /** The reply's content: {@code resubmitted: {old msg_id: new msg_id}}, {@code labels: [each new task's]}. */
    JsonObject resubmit(byte[] client, RoutingHeader route) throws MalformedMessageException, Refused {
        JsonObject request = RoutingHeader.object(route.contentFrame());
        List<String> oldIds = TaskResults.ids(request);
        List<String> newIds = new ArrayList<>();
        if (request.get("new_ids") instanceof JsonArray array) {
            array.forEach(id -> newIds.add(id.getAsString()));
        }
        if (oldIds.isEmpty() || oldIds.size() != newIds.size() || new HashSet<>(newIds).size() != newIds.size()) {
            throw new Refused("BadRequest", "resubmit_request needs msg_ids and as many distinct new_ids");
        }
        List<KeptRequest> requests = new ArrayList<>(oldIds.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < oldIds.size(); i++) {
            String oldId = oldIds.get(i);
            if (!seen.add(oldId)) {
                throw new Refused("BadRequest", "task " + oldId + " is named twice");
            }
            if (hub.tasks().containsKey(newIds.get(i))) {
                throw new Refused("BadRequest", "msg_id " + newIds.get(i) + " is taken");
            }
            requests.add(kept(oldId));
        }
        JsonObject resubmitted = new JsonObject();
        JsonArray labels = new JsonArray();
        JsonObject asker = RoutingHeader.object(route.headerFrame());
        for (int i = 0; i < oldIds.size(); i++) {
            hub.submitAgain(client, frames(requests.get(i), asker, newIds.get(i)));
            resubmitted.addProperty(oldIds.get(i), newIds.get(i));
            labels.add(hub.log().label(newIds.get(i)));
        }
        JsonObject reply = ControllerRequests.ok();
        reply.add("resubmitted", resubmitted);
        reply.add("labels", labels);
        return reply;
    }

    private KeptRequest kept(String msgId) throws Refused {
        Task running = hub.tasks().get(msgId);
        if (running != null && !running.finished()) {
            throw new Refused("TaskPending", "task " + msgId + " has not finished: wait for it, or abort it first",
                    msgId);
        }
        TaskRecord record = hub.log().finished(msgId).orElseThrow(() -> new Refused("UnknownTask",
                "the controller has no record of task " + msgId + " (never submitted, purged, or one of the oldest"
                        + " past the records' bound)", msgId));
        if (!record.msgType().equals("apply_request")) {
            String kind = record.msgType().replace("_request", "");
            throw new Refused("NotResubmittable", "task " + msgId + " (" + record.msgType() + ") is not a function:"
                    + " only apply and map tasks run again; send its " + kind + " again from a view instead", msgId);
        }
        if (record.request() == null) {
            throw new Refused("NotResubmittable", "the controller did not keep the request of task " + msgId
                    + ": its function and arguments weighed more than " + (KeptRequest.MAX_BYTES >> 20) + " MiB, their"
                    + " arrays came from its client for that run only, or it is among the oldest tasks, whose"
                    + " requests went to make room for newer ones; submit the task again from a client", msgId);
        }
        return record.request();
    }

    /**
     * The frames of the task's new run: the asking client's header under the new msg_id, the first run's metadata
     * without its {@link #FIRST_RUN_FLAGS} (the results it takes as arguments it still waits for), its content and
     * buffers as they came, signed anew.
     */
    private List<byte[]> frames(KeptRequest request, JsonObject asker, String newId)
            throws MalformedMessageException {
        JsonObject header = asker.deepCopy();
        header.addProperty("msg_id", newId);
        header.addProperty("msg_type", "apply_request");
        header.addProperty("date", Header.now());
        JsonObject metadata = JsonFrames.parse(request.metadata());
        FIRST_RUN_FLAGS.forEach(metadata::remove);
        if (metadata.get("inputs") instanceof JsonArray inputs && !inputs.isEmpty()) {
            metadata.add("after", inputs.deepCopy()); // as its client asked the first time: run once they exist
        }
        List<byte[]> signed = new ArrayList<>(List.of(JsonFrames.write(header),
                "{}".getBytes(StandardCharsets.UTF_8), JsonFrames.write(metadata), request.content()));
        List<byte[]> frames = new ArrayList<>(signed.size() + request.buffers().size() + 2);
        frames.add(MessageCodec.DELIMITER);
        frames.add(hub.signer().sign(signed));
        frames.addAll(signed);
        frames.addAll(request.buffers());
        return frames;
    }
}

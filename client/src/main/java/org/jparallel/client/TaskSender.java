package org.jparallel.client;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jparallel.client.values.ResultRef;
import org.jparallel.client.values.ValueDecoder;
import org.jparallel.client.values.ValueEncoder;
import org.jparallel.client.values.VariableRef;
import org.jparallel.repl.DeclaredTypes;
import org.jparallel.wire.Header;
import org.jparallel.wire.JsonFields;
import org.jparallel.wire.Message;
import org.jparallel.wire.bulk.BulkLease;

/**
 * Builds the requests of the views, one message per task, and sends them through the client's channel
 * once every value is encoded: a value that cannot be sent fails the call before anything leaves.
 */
final class TaskSender {

    /**
     * One message to send: to engine {@code target}, or load-balanced when {@code target} is -1; {@code inputs}
     * are the msg_ids of the tasks whose values are its arguments ({@code metadata.inputs}).
     */
    record TaskRequest(int target, String msgType, JsonObject content, List<byte[]> buffers, List<String> inputs) {
        TaskRequest(int target, String msgType, JsonObject content, List<byte[]> buffers) {
            this(target, msgType, content, buffers, List.of());
        }
    }

    /** Makes the result object of a batch once its msg_ids are known. */
    @FunctionalInterface
    interface ResultFactory<R extends AsyncResult<?>> {
        R create(List<String> msgIds, List<Integer> targets, Aborter aborter);
    }

    private final ClientChannel channel;
    private final ValueEncoder encoder;
    private final ValueDecoder decoder;
    private final HeldValues held;
    private final BulkChannel bulk;
    private final DeclaredTypes cells;

    /** @param cells the types of the cells this client was made in, which records of the same shape decode to */
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

    TaskSender(ClientChannel channel, ValueEncoder encoder, ValueDecoder decoder, BulkChannel bulk,
               DeclaredTypes cells) {
        this.channel = channel;
        this.encoder = encoder;
        this.decoder = decoder;
        this.held = new HeldValues(channel);
        this.bulk = bulk;
        this.cells = cells;
    }

    /** Sends the requests with these scheduling flags; their answers go to the result the factory makes. */
    <R extends AsyncResult<?>> R submit(List<TaskRequest> requests, TaskFlags flags, ResultFactory<R> factory) {
        List<Message> messages = new ArrayList<>(requests.size());
        List<String> msgIds = new ArrayList<>(requests.size());
        List<Integer> targets = new ArrayList<>(requests.size());
        List<BulkLease> leases = new ArrayList<>(0);
        for (TaskRequest request : requests) {
            BulkLease lease = bulk.claim(request.buffers());
            JsonObject metadata = flags.toMetadata();
            if (lease != null) {
                leases.add(lease);
                metadata.addProperty("bulk", true); // its arrays are offered for this run only: not resubmittable
            }
            if (!request.inputs().isEmpty()) {
                // a task waits for the results it takes, as for `after`: the scheduler holds it until they succeed
                JsonArray inputs = new JsonArray();
                request.inputs().forEach(inputs::add);
                metadata.add("inputs", inputs);
                JsonArray after = metadata.get("after") instanceof JsonArray a ? a : new JsonArray();
                request.inputs().forEach(after::add);
                metadata.add("after", after);
            }
            if (request.target() >= 0) {
                JsonArray target = new JsonArray();
                target.add(request.target());
                // A task for one engine that takes results goes through the controller's queue, held to that
                // engine, so that it waits for them there as a load-balanced one does; others go straight to it.
                metadata.add(request.inputs().isEmpty() ? "targets" : "lb_targets", target);
            }
            Message message = channel.newRequest(request.msgType(), request.content())
                    .withMetadata(metadata).withBuffers(request.buffers());
            messages.add(message);
            msgIds.add(message.header().msgId());
            targets.add(request.target());
        }
        R result = factory.create(msgIds, targets, this::abort);
        if (!leases.isEmpty()) {
            // the engines fetch the arrays before they answer: once all have, the arrays need not be offered
            result.onDone(() -> leases.forEach(BulkLease::close));
        }
        boolean applies = !requests.isEmpty() && requests.get(0).msgType().equals("apply_request");
        if (applies) {
            held.track(result, msgIds);
        }
        for (int i = 0; i < messages.size(); i++) {
            channel.send(messages.get(i), applies ? held.watching(result.pendingFor(i)) : result.pendingFor(i));
        }
        return result;
    }

    /**
     * Runs these finished apply tasks again, load-balanced (a {@code resubmit_request}): the result awaits their
     * answers under new msg_ids chosen here, registered before the controller may send the first task.
     *
     * @param single whether the result's value is the one task's value rather than the list of them
     */
    AsyncResult<Object> resubmit(List<String> msgIds, boolean single, Duration timeout) {
        List<String> newIds = new ArrayList<>(msgIds.size());
        for (String id : msgIds) {
            if (id == null) {
                throw new IllegalArgumentException("resubmit takes msg_ids, not null: " + msgIds);
            }
            newIds.add(Header.newId());
        }
        AsyncResult<Object> result = new AsyncResult<>("resubmit", newIds, Collections.nCopies(newIds.size(), -1),
                (reply, outputs) -> appliedValue(reply), single ? values -> values.get(0) : values -> values,
                !single, this::abort);
        held.track(result, newIds);
        for (int i = 0; i < newIds.size(); i++) {
            channel.expect(newIds.get(i), held.watching(result.pendingFor(i)));
        }
        JsonObject content = new JsonObject();
        JsonArray oldIds = new JsonArray();
        msgIds.forEach(oldIds::add);
        JsonArray freshIds = new JsonArray();
        newIds.forEach(freshIds::add);
        content.add("msg_ids", oldIds);
        content.add("new_ids", freshIds);
        JsonObject reply;
        try {
            reply = channel.call("resubmit_request", content, timeout).content();
        } catch (RuntimeException e) {
            newIds.forEach(channel::forget);
            throw e;
        }
        if (!"ok".equals(OutputMessages.string(reply, "status"))) {
            newIds.forEach(channel::forget);
            String why = OutputMessages.string(reply, "evalue");
            throw switch (OutputMessages.string(reply, "ename")) {
                case "UnknownTask" -> new UnknownTaskException(OutputMessages.string(reply, "msg_id"));
                case "TaskPending", "NotResubmittable" -> new IllegalStateException(why);
                default -> new IllegalArgumentException(why);
            };
        }
        if (reply.get("labels") instanceof JsonArray labels && !labels.isEmpty()) {
            // the tasks keep their labels, which their errors name; one label when they share it
            Set<String> distinct = new HashSet<>();
            labels.forEach(label -> distinct.add(label.getAsString()));
            String label = distinct.size() == 1 ? distinct.iterator().next() : "";
            if (!label.isEmpty()) {
                result.label(label);
            }
        }
        return result;
    }

    /**
     * Asks the controller to abort these requests: queued ones get an {@code aborted} reply; with
     * {@code interruptRunning}, an engine running one of them stops it.
     */
    /** The cluster's profile, for the commands an error suggests. */
    String profile() {
        return channel.profile();
    }

    void abort(List<String> msgIds, boolean interruptRunning) {
        JsonObject content = new JsonObject();
        JsonArray ids = new JsonArray();
        msgIds.forEach(ids::add);
        content.add("msg_ids", ids);
        if (interruptRunning) {
            content.addProperty("interrupt", true);
        }
        channel.sendAndForget(channel.newRequest("abort_request", content));
    }

    /**
     * Asks the controller to shut these engines down (ipyparallel's {@code rc.shutdown(targets)}); they leave the
     * cluster once their processes have ended.
     *
     * @throws ClusterException when the controller refuses (an engine it does not have) or does not answer
     */
    void shutdown(List<Integer> engines) {
        JsonObject content = new JsonObject();
        JsonArray targets = new JsonArray();
        engines.forEach(targets::add);
        content.add("targets", targets);
        Message reply = channel.call("shutdown_request", content, SHUTDOWN_TIMEOUT);
        if (!"ok".equals(JsonFields.string(reply.content(), "status", ""))) {
            throw new ClusterException("the controller did not shut down engines " + engines + ": "
                    + JsonFields.string(reply.content(), "evalue", reply.content().toString()));
        }
    }

    /** Asks these engines to stop what they are running. */
    void interrupt(List<Integer> engines) {
        for (int engine : engines) {
            JsonObject metadata = new JsonObject();
            JsonArray target = new JsonArray();
            target.add(engine);
            metadata.add("targets", target);
            channel.sendAndForget(channel.newRequest("interrupt_request", new JsonObject()).withMetadata(metadata));
        }
    }

    /**
     * An {@code apply_request} of {@code function} with {@code args}, where an {@link AsyncResult} argument
     * stands for its value: it travels as a {@link ResultRef}, and the request names its task as an input; or, once
     * this client has read the value (and its engine let it go), as the value itself.
     *
     * @throws IllegalArgumentException when an argument is the result of several tasks (a map, a DirectView)
     */
    TaskRequest applyRequest(int target, RemoteFunction function, Object... args) {
        Object[] sent = withVariables(args);
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < sent.length; i++) {
            if (sent[i] instanceof AsyncResult<?> result) {
                if (result.size() != 1) {
                    throw new IllegalArgumentException("argument " + i + " is " + result + ", the result of "
                            + result.size() + " tasks: only the result of one task (a load-balanced or single-engine"
                            + " apply) can stand for its value; pass result.get() instead");
                }
                if (result.inHand()) {
                    sent[i] = result.get(); // its engine let it go once it came here
                    continue;
                }
                String msgId = result.msgIds().get(0);
                sent[i] = new ResultRef(msgId);
                inputs.add(msgId);
            }
        }
        return new TaskRequest(target, "apply_request", new JsonObject(),
                bulk.encode(lease -> encoder.encodeCall(lease, function, sent)), inputs);
    }

    /** Tells the cluster that this client no longer needs any of the values its results stand for. */
    void releaseAll() {
        held.releaseAll();
    }

    /** The buffers of a call: function and arguments, a {@link Reference} standing for the engine's variable. */
    List<byte[]> encodeCall(RemoteFunction function, Object... args) {
        Object[] sent = withVariables(args);
        return bulk.encode(lease -> encoder.encodeCall(lease, function, sent));
    }

    /** The arguments with each {@link Reference} as the {@link VariableRef} it travels as. */
    private static Object[] withVariables(Object[] args) {
        Object[] sent = args.clone();
        for (int i = 0; i < sent.length; i++) {
            if (sent[i] instanceof Reference<?> reference) {
                sent[i] = new VariableRef(reference.name());
            }
        }
        return sent;
    }

    /** A push of these values: their names in the content, their frames encoded together as named values. */
    TaskRequest push(int target, Map<String, ?> values) {
        return push(target, values, declarationsFor(values.values()), Map.of());
    }

    /** What an engine declares to hold {@code values} as types its cells name (see {@link PushedDeclarations}). */
    JsonArray declarationsFor(java.util.Collection<?> values) {
        return PushedDeclarations.of(values, cells);
    }

    /**
     * @param declarations the cells' types and methods to declare on the engine (a scatter's, made once for all)
     * @param elementTypes for a list among the values, the binary name of the class its elements are declared as
     *                     (a scatter's part: what the whole list's elements share), by the value's name
     */
    TaskRequest push(int target, Map<String, ?> values, JsonArray declarations, Map<String, String> elementTypes) {
        JsonObject content = new JsonObject();
        JsonArray names = new JsonArray();
        values.keySet().forEach(names::add);
        content.add("names", names);
        if (!declarations.isEmpty()) {
            content.add("declarations", declarations);
        }
        if (!elementTypes.isEmpty()) {
            JsonObject types = new JsonObject();
            elementTypes.forEach(types::addProperty);
            content.add("element_types", types);
        }
        return new TaskRequest(target, "push_request", content,
                bulk.encode(lease -> encoder.encodeNamed(values, lease)));
    }

    TaskRequest pull(int target, List<String> names) {
        JsonObject content = new JsonObject();
        JsonArray array = new JsonArray();
        names.forEach(array::add);
        content.add("names", array);
        return new TaskRequest(target, "pull_request", content, List.of());
    }

    /** The values of a pull reply, by name: its buffers are named values. */
    Map<String, Object> pulledValues(Message reply) {
        return decoder.decodeNamed(reply.buffers(), cells);
    }

    /**
     * The value in an {@code apply_reply}, fetched from its engine when the reply says it is held there. Once the
     * value is here, the engine need not keep it: a task that takes the result as an argument later gets this value
     * from here ({@link #applyRequest}), and the engine's heap is not filled with values the client has.
     */
    Object appliedValue(Message reply) {
        Object value = reply.content().has("held")
                ? decoder.decode(held.fetch(reply), cells)
                : decoder.decode(reply.buffers(), cells);
        if (reply.parentHeader().get("msg_id") instanceof JsonPrimitive msgId) {
            held.inHand(msgId.getAsString());
        }
        return value;
    }
}

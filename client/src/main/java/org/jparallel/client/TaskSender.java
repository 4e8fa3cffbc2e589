package org.jparallel.client;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jparallel.client.values.ValueDecoder;
import org.jparallel.client.values.ValueEncoder;
import org.jparallel.wire.Message;

/**
 * Builds the requests of the views, one message per task, and sends them through the client's channel
 * once every value is encoded: a value that cannot be sent fails the call before anything leaves.
 */
final class TaskSender {

    /** One message to send: to engine {@code target}, or load-balanced when {@code target} is -1. */
    record TaskRequest(int target, String msgType, JsonObject content, List<byte[]> buffers) {
    }

    /** Makes the result object of a batch once its msg_ids are known. */
    @FunctionalInterface
    interface ResultFactory<R extends AsyncResult<?>> {
        R create(List<String> msgIds, List<Integer> targets, Consumer<List<String>> aborter);
    }

    private final ClientChannel channel;
    private final ValueEncoder encoder;
    private final ValueDecoder decoder;

    TaskSender(ClientChannel channel, ValueEncoder encoder, ValueDecoder decoder) {
        this.channel = channel;
        this.encoder = encoder;
        this.decoder = decoder;
    }

    /** Sends the requests with these scheduling flags; their answers go to the result the factory makes. */
    <R extends AsyncResult<?>> R submit(List<TaskRequest> requests, TaskFlags flags, ResultFactory<R> factory) {
        List<Message> messages = new ArrayList<>(requests.size());
        List<String> msgIds = new ArrayList<>(requests.size());
        List<Integer> targets = new ArrayList<>(requests.size());
        for (TaskRequest request : requests) {
            JsonObject metadata = flags.toMetadata();
            if (request.target() >= 0) {
                JsonArray target = new JsonArray();
                target.add(request.target());
                metadata.add("targets", target);
            }
            Message message = channel.newRequest(request.msgType(), request.content())
                    .withMetadata(metadata).withBuffers(request.buffers());
            messages.add(message);
            msgIds.add(message.header().msgId());
            targets.add(request.target());
        }
        R result = factory.create(msgIds, targets, this::abort);
        for (int i = 0; i < messages.size(); i++) {
            channel.send(messages.get(i), result.pendingFor(i));
        }
        return result;
    }

    /** Asks the controller to abort these requests: queued ones get an {@code aborted} reply. */
    void abort(List<String> msgIds) {
        JsonObject content = new JsonObject();
        JsonArray ids = new JsonArray();
        msgIds.forEach(ids::add);
        content.add("msg_ids", ids);
        channel.sendAndForget(channel.newRequest("abort_request", content));
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

    /** The buffers of a call: function and arguments. */
    List<byte[]> encodeCall(RemoteFunction function, Object... args) {
        return encoder.encodeCall(function, args);
    }

    /** A push of these values: their names in the content, their frames encoded together as named values. */
    TaskRequest push(int target, Map<String, ?> values) {
        JsonObject content = new JsonObject();
        JsonArray names = new JsonArray();
        values.keySet().forEach(names::add);
        content.add("names", names);
        return new TaskRequest(target, "push_request", content, encoder.encodeNamed(values));
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
        return decoder.decodeNamed(reply.buffers());
    }

    /** The value in an {@code apply_reply}. */
    Object appliedValue(Message reply) {
        return decoder.decode(reply.buffers());
    }
}

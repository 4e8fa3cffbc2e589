package org.jparallel.client;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jparallel.client.TaskSender.TaskRequest;

/**
 * The requests of a view on chosen engines, one message per engine. The value of a multi-engine view is a
 * list in target order; of a one-engine view ({@link EngineView}), that engine's value.
 */
final class DirectRequests {
    private final TaskSender sender;
    private final ViewTasks tasks;
    private final Supplier<List<Integer>> targets;
    private final boolean single;

    DirectRequests(TaskSender sender, ViewTasks tasks, Supplier<List<Integer>> targets, boolean single) {
        this.sender = sender;
        this.tasks = tasks;
        this.targets = targets;
        this.single = single;
    }

    private <R extends AsyncResult<?>> R submit(List<TaskRequest> requests, TaskSender.ResultFactory<R> factory) {
        return tasks.record(sender.submit(requests, TaskFlags.NONE, factory));
    }

    /** What the view of these requests has sent. */
    ViewTasks tasks() {
        return tasks;
    }

    /** The engines a request made now goes to. */
    List<Integer> targets() {
        List<Integer> now = targets.get();
        if (now.isEmpty()) {
            String profile = ProfileHints.option(sender.profile());
            // The controller runs (this client talks to it): engines are what to add, not a cluster to start.
            throw new ClusterException("no engines are registered yet: add some with `jpcluster engines -n 4" + profile
                    + "` or `%cluster engines -n 4" + profile + "`, or wait for them with"
                    + " rc.waitForEngines(4, Duration.ofSeconds(30))");
        }
        return now;
    }

    <T> AsyncResult<T> execute(String code, boolean silent) {
        JsonObject content = new JsonObject();
        content.addProperty("code", code);
        content.addProperty("silent", silent);
        List<TaskRequest> requests = new ArrayList<>();
        for (int target : targets()) {
            requests.add(new TaskRequest(target, "execute_request", content, List.of()));
        }
        return send("execute", requests, DirectRequests::executeReply);
    }

    /** One call, encoded once, for every engine; an {@link AsyncResult} argument stands for its value. */
    <T> AsyncResult<T> apply(RemoteFunction function, Object... args) {
        TaskRequest call = sender.applyRequest(-1, function, args);
        List<TaskRequest> requests = new ArrayList<>();
        for (int target : targets()) {
            requests.add(new TaskRequest(target, "apply_request", new JsonObject(), call.buffers(), call.inputs()));
        }
        return send("apply", requests, (reply, outputs) -> sender.appliedValue(reply));
    }

    /** One chunk of every sequence per engine, cut as evenly as possible; the chunk function runs them. */
    <R> AsyncMapResult<R> map(RemoteFunction chunkFunction, List<?>... sequences) {
        List<Integer> engines = targets();
        int length = sequences[0].size();
        for (List<?> sequence : sequences) {
            if (sequence.size() != length) {
                throw new IllegalArgumentException("the sequences of map have different lengths: " + length
                        + " and " + sequence.size());
            }
        }
        int parts = Math.min(engines.size(), length);
        List<List<Object>> chunksOfEach = new ArrayList<>();
        for (List<?> sequence : sequences) {
            chunksOfEach.add(parts == 0 ? List.of() : Sequences.split(sequence, parts));
        }
        List<TaskRequest> requests = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            Object[] args = new Object[sequences.length];
            for (int s = 0; s < sequences.length; s++) {
                args[s] = chunksOfEach.get(s).get(i);
            }
            requests.add(new TaskRequest(engines.get(i), "apply_request", new JsonObject(),
                    sender.encodeCall(chunkFunction, args)));
        }
        int[] lengths = chunksOfEach.get(0).stream().mapToInt(Sequences::length).toArray();
        return submit(requests, (ids, where, aborter) -> new AsyncMapResult<>("map", ids,
                where, (reply, outputs) -> sender.appliedValue(reply), true, lengths, aborter));
    }

    <T> AsyncResult<T> push(Map<String, ?> values) {
        values.keySet().forEach(name -> VariableNames.checked(name, "push"));
        List<TaskRequest> requests = new ArrayList<>();
        for (int target : targets()) {
            requests.add(sender.push(target, values));
        }
        return send("push", requests, ReplyReader.NOTHING);
    }

    /**
     * Pushes one chunk of {@code sequence} to each engine, as the variable {@code name}; with {@code flatten}, one
     * element each.
     */
    <T> AsyncResult<T> scatter(String name, Object sequence, boolean flatten) {
        VariableNames.checked(name, "scatter");
        List<Integer> engines = targets();
        List<Object> chunks = flatten ? Sequences.flattened(sequence, engines.size())
                : Sequences.split(sequence, engines.size());
        // Every engine declares the types of the whole sequence, and its part as a list of what all elements share:
        // a %px cell then compiles on each, also where a part holds one kind of them or none.
        JsonArray declarations = sender.declarationsFor(List.of(sequence));
        Map<String, String> elementTypes = flatten ? Map.of()
                : Sequences.elementType(sequence).map(type -> Map.of(name, type.getName())).orElse(Map.of());
        List<TaskRequest> requests = new ArrayList<>();
        for (int i = 0; i < engines.size(); i++) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put(name, chunks.get(i));
            requests.add(sender.push(engines.get(i), one, declarations, elementTypes));
        }
        return send("scatter", requests, ReplyReader.NOTHING);
    }

    /** The value of one variable from each engine. */
    <T> AsyncResult<T> pull(String name) {
        List<TaskRequest> requests = new ArrayList<>();
        for (int target : targets()) {
            requests.add(sender.pull(target, List.of(name)));
        }
        return send("pull", requests, (reply, outputs) -> sender.pulledValues(reply).get(name));
    }

    /** The values of several variables from each engine, by name. */
    <T> AsyncResult<T> pull(List<String> names) {
        List<TaskRequest> requests = new ArrayList<>();
        for (int target : targets()) {
            requests.add(sender.pull(target, names));
        }
        return send("pull", requests, (reply, outputs) -> {
            Map<String, Object> values = sender.pulledValues(reply);
            Map<String, Object> byName = new LinkedHashMap<>();
            for (String name : names) {
                byName.put(name, values.get(name));
            }
            return byName;
        });
    }

    /** The chunks of {@code name} from each engine, put back together. */
    <T> AsyncResult<T> gather(String name) {
        List<TaskRequest> requests = new ArrayList<>();
        for (int target : targets()) {
            requests.add(sender.pull(target, List.of(name)));
        }
        return submit(requests, (ids, where, aborter) -> new AsyncResult<>("gather", ids,
                where, (reply, outputs) -> sender.pulledValues(reply).get(name), DirectRequests::gathered, true,
                aborter));
    }

    @SuppressWarnings("unchecked")
    private static <T> T gathered(List<Object> chunks) {
        return (T) Sequences.concat(chunks);
    }

    <T> AsyncResult<T> clear() {
        List<TaskRequest> requests = new ArrayList<>();
        for (int target : targets()) {
            requests.add(new TaskRequest(target, "clear_request", new JsonObject(), List.of()));
        }
        return send("clear", requests, ReplyReader.NOTHING);
    }

    void interrupt() {
        sender.interrupt(targets());
    }

    void shutdown() {
        sender.shutdown(targets());
    }

    private <T> AsyncResult<T> send(String method, List<TaskRequest> requests, ReplyReader reader) {
        Function<List<Object>, T> combine = single ? DirectRequests::only : DirectRequests::asList;
        return submit(requests, (ids, where, aborter) -> new AsyncResult<>(method, ids, where,
                reader, combine, !single, aborter));
    }

    @SuppressWarnings("unchecked")
    private static <T> T only(List<Object> values) {
        return (T) values.get(0);
    }

    @SuppressWarnings("unchecked")
    private static <T> T asList(List<Object> values) {
        return (T) new ArrayList<>(values);
    }

    private static ExecuteReply executeReply(org.jparallel.wire.Message reply, List<EngineOutput> outputs) {
        Map<String, Object> data = Map.of();
        for (EngineOutput output : outputs) {
            if (output.kind() == EngineOutput.Kind.RESULT) {
                data = output.data();
            }
        }
        JsonObject metadata = reply.metadata();
        int engineId = metadata.has("engine_id") ? metadata.get("engine_id").getAsInt() : -1;
        return new ExecuteReply(engineId, OutputMessages.integer(reply.content(), "execution_count"), data);
    }
}

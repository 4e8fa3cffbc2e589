package org.jparallel.client;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * How the controller should schedule a load-balanced task: what it waits for, where it runs, how long it
 * may take, how often it is retried, and a label. Immutable: each {@code with…} returns a new value.
 *
 * <pre>{@code
 * var lv = rc.loadBalancedView();
 * var arA = lv.withFlags(after(arB, arC).withRetries(2)).apply(() -> stepA());
 * try (var scope = lv.tempFlags(TaskFlags.NONE.withTimeout(Duration.ofSeconds(30)))) {
 *     lv.apply(() -> slowStep());
 * }
 * }</pre>
 *
 * @param after   ids of tasks that must finish before this one starts
 * @param follow  ids of tasks whose engine this one must run on
 * @param timeout how long the task may wait for its dependencies; {@link Duration#ZERO} for no limit
 * @param retries how many times a failed task is resubmitted
 * @param label   a name for the task in the controller's records; empty for none
 */
public record TaskFlags(List<String> after, List<String> follow, Duration timeout, int retries, String label) {

    /** No dependencies, no timeout, no retries, no label. */
    public static final TaskFlags NONE = new TaskFlags(List.of(), List.of(), Duration.ZERO, 0, "");

    public TaskFlags {
        after = List.copyOf(after);
        follow = List.copyOf(follow);
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout " + timeout + " is negative: use Duration.ZERO for none");
        }
        if (retries < 0) {
            throw new IllegalArgumentException("retries " + retries + " is negative");
        }
        label = label == null ? "" : label;
    }

    /** These flags, also waiting for the tasks of these results to finish. */
    public TaskFlags withAfter(AsyncResult<?>... results) {
        return new TaskFlags(concat(after, msgIds(results)), follow, timeout, retries, label);
    }

    /** These flags, also running on the engine(s) that ran these results. */
    public TaskFlags withFollow(AsyncResult<?>... results) {
        return new TaskFlags(after, concat(follow, msgIds(results)), timeout, retries, label);
    }

    public TaskFlags withTimeout(Duration newTimeout) {
        return new TaskFlags(after, follow, newTimeout, retries, label);
    }

    public TaskFlags withRetries(int newRetries) {
        return new TaskFlags(after, follow, timeout, newRetries, label);
    }

    public TaskFlags withLabel(String newLabel) {
        return new TaskFlags(after, follow, timeout, retries, newLabel);
    }

    /** The metadata keys a request carries for these flags; defaults are left out. */
    JsonObject toMetadata() {
        JsonObject json = new JsonObject();
        if (!after.isEmpty()) {
            json.add("after", array(after));
        }
        if (!follow.isEmpty()) {
            json.add("follow", array(follow));
        }
        if (!timeout.isZero()) {
            json.addProperty("timeout", timeout.toMillis() / 1000.0);
        }
        if (retries > 0) {
            json.addProperty("retries", retries);
        }
        if (!label.isEmpty()) {
            json.addProperty("label", label);
        }
        return json;
    }

    private static List<String> msgIds(AsyncResult<?>[] results) {
        List<String> ids = new ArrayList<>();
        Arrays.stream(results).forEach(r -> ids.addAll(r.msgIds()));
        return ids;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static JsonArray array(List<String> ids) {
        JsonArray array = new JsonArray();
        ids.forEach(array::add);
        return array;
    }
}

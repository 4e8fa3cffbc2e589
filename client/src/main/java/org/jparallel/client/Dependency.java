package org.jparallel.client;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A dependency of a task on other tasks: on {@link #all} or {@link #any} of them, met when they succeeded
 * (the default), when they failed ({@link #onFailure()}), or either way ({@link #onEither()}).
 *
 * <p>Give it to {@code after(...)} (a time dependency: start once it is met) or {@code follow(...)} (a
 * location dependency: run on the engine where those tasks ran). A dependency that can no longer be met
 * fails the task with {@link ImpossibleDependency}.
 *
 * <pre>{@code
 * var clean = lv.withFlags(after(any(arB, arC).onFailure())).apply(() -> cleanUp());   // runs if B or C failed
 * var report = lv.withFlags(after(all(arB, arC).onEither())).apply(() -> report());    // runs once both ended
 * }</pre>
 *
 * @param msgIds  the requests of the tasks depended on
 * @param all     whether every one of them must meet it ({@code false}: one is enough)
 * @param success whether a task that succeeded meets it
 * @param failure whether a task that failed meets it
 */
public record Dependency(List<String> msgIds, boolean all, boolean success, boolean failure) implements Serializable {

    public Dependency {
        msgIds = List.copyOf(msgIds);
        if (!success && !failure) {
            throw new IllegalArgumentException("a dependency is met on success, on failure or both, not on neither");
        }
    }

    /** Met once every task of these results has succeeded. */
    public static Dependency all(AsyncResult<?>... results) {
        return new Dependency(msgIds(results), true, true, false);
    }

    /** Met once one task of these results has succeeded. */
    public static Dependency any(AsyncResult<?>... results) {
        return new Dependency(msgIds(results), false, true, false);
    }

    /** This dependency, met by tasks that succeeded (the default). */
    public Dependency onSuccess() {
        return new Dependency(msgIds, all, true, false);
    }

    /** This dependency, met by tasks that failed: a task that succeeded makes it impossible. */
    public Dependency onFailure() {
        return new Dependency(msgIds, all, false, true);
    }

    /** This dependency, met by tasks that ended, whether they succeeded or failed. */
    public Dependency onEither() {
        return new Dependency(msgIds, all, true, true);
    }

    /** The wire form: {@code {msg_ids, all, success, failure}}. */
    JsonObject toJson() {
        JsonObject json = new JsonObject();
        JsonArray ids = new JsonArray();
        msgIds.forEach(ids::add);
        json.add("msg_ids", ids);
        json.addProperty("all", all);
        json.addProperty("success", success);
        json.addProperty("failure", failure);
        return json;
    }

    static List<String> msgIds(AsyncResult<?>[] results) {
        List<String> ids = new ArrayList<>();
        Arrays.stream(results).forEach(r -> ids.addAll(Objects.requireNonNull(r,
                "a dependency is on AsyncResults of tasks, and one of those given is null").msgIds()));
        return ids;
    }

    @Override
    public String toString() {
        return (all ? "all" : "any") + "(" + msgIds.size() + (msgIds.size() == 1 ? " task" : " tasks") + ", on "
                + (success && failure ? "either" : success ? "success" : "failure") + ")";
    }
}

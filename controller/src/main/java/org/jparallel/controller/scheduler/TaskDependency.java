package org.jparallel.controller.scheduler;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * One dependency of a task, as {@code metadata.after} and {@code metadata.follow} carry it: on all or any of
 * these tasks, met when they succeeded, failed, or either.
 */
record TaskDependency(List<String> msgIds, boolean all, boolean success, boolean failure) {
    /** How the error of a task that failed because a task it depended on failed begins (see DependencyScheduler). */
    private static final String CASCADE = "ImpossibleDependency: this task cannot run: task ";
    private static final String AS_TASK = ", as task ";

    /**
     * Reads a list of {@code {msg_ids, all, success, failure}} objects; a plain id stands for
     * {@code {msg_ids: [id], all: true, success: true, failure: false}}, and a list of plain ids for one
     * dependency on all of them, as ipyparallel sends them.
     *
     * @throws IllegalArgumentException when the element is none of these
     */
    static List<TaskDependency> parse(JsonElement element) {
        List<TaskDependency> dependencies = new ArrayList<>();
        if (element == null || element.isJsonNull()) {
            return dependencies;
        }
        if (!element.isJsonArray()) {
            throw new IllegalArgumentException("a dependency is a list, not " + element);
        }
        List<String> plainIds = new ArrayList<>();
        for (JsonElement entry : element.getAsJsonArray()) {
            if (entry.isJsonPrimitive()) {
                plainIds.add(entry.getAsString());
            } else if (entry.isJsonObject()) {
                dependencies.add(of(entry.getAsJsonObject()));
            } else {
                throw new IllegalArgumentException("a dependency is a msg_id or {msg_ids, all, success, failure}, not "
                        + entry);
            }
        }
        if (!plainIds.isEmpty()) {
            dependencies.add(new TaskDependency(plainIds, true, true, false));
        }
        return dependencies;
    }

    private static TaskDependency of(JsonObject json) {
        List<String> ids = new ArrayList<>();
        if (json.get("msg_ids") instanceof JsonArray array) {
            array.forEach(id -> ids.add(id.getAsString()));
        }
        boolean success = flag(json, "success", true);
        boolean failure = flag(json, "failure", false);
        if (!success && !failure) {
            throw new IllegalArgumentException("a dependency is met on success, failure or both, not neither");
        }
        return new TaskDependency(ids, flag(json, "all", true), success, failure);
    }

    private static boolean flag(JsonObject json, String name, boolean fallback) {
        JsonElement e = json.get(name);
        return e == null || e.isJsonNull() ? fallback : e.getAsBoolean();
    }

    /** Whether a finished task with this outcome meets the dependency. */
    boolean metBy(TaskOutcomes.Outcome outcome) {
        return outcome.succeeded() ? success : failure;
    }

    /**
     * Why a finished task that does not meet it makes it impossible. A task that failed for want of its own
     * dependency is named with the task whose failure began the chain, not with its whole message: a chain of
     * 2,000 tasks would otherwise repeat every message before it in each (and in each task's record).
     */
    String unmetBy(String msgId, TaskOutcomes.Outcome outcome) {
        if (outcome.succeeded()) {
            return "task " + msgId + " succeeded, and the dependency is on its failure (onFailure())";
        }
        String error = outcome.error();
        if (error.startsWith(CASCADE)) {
            String upstream = error.substring(CASCADE.length()); // "R failed: …" or "X failed, as task R failed: …"
            int first = upstream.indexOf(AS_TASK);
            return "task " + msgId + " failed, as task "
                    + (first < 0 ? upstream : upstream.substring(first + AS_TASK.length()));
        }
        return "task " + msgId + " failed: " + error;
    }
}

package org.jparallel.client;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How the controller should schedule a load-balanced task: what it waits for ({@code after}), where it runs
 * ({@code follow}, {@code require}, {@code depend}), how long it may wait in the controller, how often it
 * is retried, and a label. Immutable: each {@code with…} returns a new value. Start from the helpers of
 * {@link Parallel} ({@code after}, {@code follow}, {@code require}, {@code depend}) or from {@link #NONE}.
 *
 * <pre>{@code
 * var lv = rc.loadBalancedView();
 * var arA = lv.withFlags(after(arB, arC).withRetries(2)).apply(() -> stepA());
 * var arD = lv.withFlags(after(any(arB, arC)).withTimeout(Duration.ofSeconds(30))).apply(() -> stepD());
 * var arE = lv.withFlags(follow(arB).withRequire("org.apache.commons.math3.util.FastMath")).apply(() -> stepE());
 * try (var scope = lv.tempFlags(TaskFlags.NONE.withRetries(3))) {
 *     lv.apply(() -> flakyStep());
 * }
 * }</pre>
 *
 * @param after      dependencies that must be met before the task starts (all of them)
 * @param follow     dependencies whose tasks' engine the task must run on (all of them)
 * @param timeout    how long the task may wait in the controller before it fails: for its dependencies, with
 *                   {@link DependencyTimeout}; for a free engine, with {@link TaskTimeout}; {@link Duration#ZERO}
 *                   for no limit
 * @param retries    how many times a task that failed, or whose engine died, is run again on another engine
 * @param label      a name for the task in the controller's records; empty for none
 * @param requires   classes (binary names) and resources (names with a {@code /}) the engine's class path must have
 * @param conditions predicates that must hold on the engine
 * @param targets    the engines the task may run on, as ipyparallel's {@code load_balanced_view(targets=...)}; empty
 *                   for any engine, those that join later included
 * @param given      the flags these set, to their defaults or not: {@code retries(0)} gives retries, {@link #NONE}
 *                   gives none; a view's {@code withFlags} and {@code tempFlags} change only the flags given
 */
public record TaskFlags(List<Dependency> after, List<Dependency> follow, Duration timeout, int retries, String label,
                        List<String> requires, List<EngineCondition> conditions, List<Integer> targets,
                        Set<Flag> given) {

    /** The flags a {@code TaskFlags} may set; {@link #given()} says which it does, defaults included. */
    public enum Flag { AFTER, FOLLOW, TIMEOUT, RETRIES, LABEL, REQUIRE, DEPEND, TARGETS }

    /** No dependencies, no timeout, no retries, no label, no requirements, any engine. */
    public static final TaskFlags NONE = new TaskFlags(List.of(), List.of(), Duration.ZERO, 0, "", List.of(), List.of(),
            List.of(), Set.of());

    /** Flags that give every value that differs from {@link #NONE}'s. */
    public TaskFlags(List<Dependency> after, List<Dependency> follow, Duration timeout, int retries, String label,
                     List<String> requires, List<EngineCondition> conditions) {
        this(after, follow, timeout, retries, label, requires, conditions, List.of(), nonDefault(after, follow, timeout,
                retries, label, requires, conditions));
    }

    public TaskFlags {
        given = given.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(given));
        after = List.copyOf(after);
        follow = List.copyOf(follow);
        requires = List.copyOf(requires);
        conditions = List.copyOf(conditions);
        targets = List.copyOf(targets);
        for (int id : targets) {
            if (id < 0) {
                throw new IllegalArgumentException("targets are engine ids (0, 1, ...), not " + id);
            }
        }
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout " + timeout + " is negative: use Duration.ZERO for none");
        }
        if (retries < 0) {
            throw new IllegalArgumentException("retries " + retries + " is negative");
        }
        label = label == null ? "" : label;
    }

    /** These flags, also waiting for every task of these results to succeed. */
    public TaskFlags withAfter(AsyncResult<?>... results) {
        return withAfter(Dependency.all(results));
    }

    /** These flags, also waiting for these dependencies to be met. */
    public TaskFlags withAfter(Dependency... dependencies) {
        return new TaskFlags(concat(after, List.of(dependencies)), follow, timeout, retries, label, requires, conditions,
                targets, giving(Flag.AFTER));
    }

    /** These flags, also running on the engine that ran these results (and after them). */
    public TaskFlags withFollow(AsyncResult<?>... results) {
        return withFollow(Dependency.all(results));
    }

    /** These flags, also running on an engine where these dependencies were met. */
    public TaskFlags withFollow(Dependency... dependencies) {
        return new TaskFlags(after, concat(follow, List.of(dependencies)), timeout, retries, label, requires, conditions,
                targets, giving(Flag.FOLLOW));
    }

    public TaskFlags withTimeout(Duration newTimeout) {
        return new TaskFlags(after, follow, newTimeout, retries, label, requires, conditions, targets,
                giving(Flag.TIMEOUT));
    }

    public TaskFlags withRetries(int newRetries) {
        return new TaskFlags(after, follow, timeout, newRetries, label, requires, conditions, targets,
                giving(Flag.RETRIES));
    }

    public TaskFlags withLabel(String newLabel) {
        return new TaskFlags(after, follow, timeout, retries, newLabel, requires, conditions, targets,
                giving(Flag.LABEL));
    }

    /** These flags, also requiring these classes ({@code com.example.Foo}) or resources ({@code data/x.csv}). */
    public TaskFlags withRequire(String... names) {
        for (String name : names) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("require names a class (com.example.Foo) or a resource (data/x.csv),"
                        + " not " + (name == null ? "null" : "an empty string"));
            }
        }
        return new TaskFlags(after, follow, timeout, retries, label, concat(requires, Arrays.asList(names)), conditions,
                targets, giving(Flag.REQUIRE));
    }

    /** These flags, also requiring {@code condition} to hold on the engine. */
    public TaskFlags withDepend(EngineCondition condition) {
        Objects.requireNonNull(condition, "condition");
        return new TaskFlags(after, follow, timeout, retries, label, requires, concat(conditions, List.of(condition)),
                targets, giving(Flag.DEPEND));
    }

    /** These flags, also requiring {@code condition}, named {@code description} in error messages. */
    public TaskFlags withDepend(String description, EngineCondition condition) {
        return withDepend(new DescribedCondition(description, Objects.requireNonNull(condition, "condition")));
    }

    /**
     * These flags, the task running only on these engines (ipyparallel's {@code load_balanced_view(targets=...)});
     * none for any engine. A task whose engines are all gone fails with {@link ImpossibleDependency}.
     */
    public TaskFlags withTargets(int... engineIds) {
        return new TaskFlags(after, follow, timeout, retries, label, requires, conditions,
                Arrays.stream(engineIds).boxed().toList(), giving(Flag.TARGETS));
    }

    /**
     * These flags together with {@code other}'s: dependencies, requirements and conditions of both; the timeout,
     * retries, label and targets of {@code other} where it gives them, else these. How {@code lv.withFlags(after(arB),
     * retries(2))} reads as one set of flags.
     */
    public TaskFlags and(TaskFlags other) {
        return new TaskFlags(concat(after, other.after), concat(follow, other.follow),
                other.gives(Flag.TIMEOUT) ? other.timeout : timeout, other.gives(Flag.RETRIES) ? other.retries : retries,
                other.gives(Flag.LABEL) ? other.label : label, concat(requires, other.requires),
                concat(conditions, other.conditions), other.gives(Flag.TARGETS) ? other.targets : targets,
                union(given, other.given));
    }

    /**
     * These flags, with each flag {@code other} gives set to its value instead (dependencies too) and the others
     * kept: ipyparallel's {@code view.set_flags(...)}, as a view's {@code withFlags} and {@code tempFlags} use it.
     * {@code retries(0)} gives retries, so it takes them away.
     */
    public TaskFlags updatedBy(TaskFlags other) {
        return new TaskFlags(other.gives(Flag.AFTER) ? other.after : after,
                other.gives(Flag.FOLLOW) ? other.follow : follow,
                other.gives(Flag.TIMEOUT) ? other.timeout : timeout,
                other.gives(Flag.RETRIES) ? other.retries : retries,
                other.gives(Flag.LABEL) ? other.label : label,
                other.gives(Flag.REQUIRE) ? other.requires : requires,
                other.gives(Flag.DEPEND) ? other.conditions : conditions,
                other.gives(Flag.TARGETS) ? other.targets : targets, union(given, other.given));
    }

    /** Whether these flags set {@code flag}, to its default or not. */
    public boolean gives(Flag flag) {
        return given.contains(flag);
    }

    private Set<Flag> giving(Flag flag) {
        return union(given, Set.of(flag));
    }

    private static Set<Flag> union(Set<Flag> a, Set<Flag> b) {
        EnumSet<Flag> all = EnumSet.noneOf(Flag.class);
        all.addAll(a);
        all.addAll(b);
        return all;
    }

    private static Set<Flag> nonDefault(List<Dependency> after, List<Dependency> follow, Duration timeout, int retries,
                                        String label, List<String> requires, List<EngineCondition> conditions) {
        EnumSet<Flag> given = EnumSet.noneOf(Flag.class);
        if (!after.isEmpty()) {
            given.add(Flag.AFTER);
        }
        if (!follow.isEmpty()) {
            given.add(Flag.FOLLOW);
        }
        if (timeout != null && !timeout.isZero()) {
            given.add(Flag.TIMEOUT);
        }
        if (retries != 0) {
            given.add(Flag.RETRIES);
        }
        if (label != null && !label.isEmpty()) {
            given.add(Flag.LABEL);
        }
        if (!requires.isEmpty()) {
            given.add(Flag.REQUIRE);
        }
        if (!conditions.isEmpty()) {
            given.add(Flag.DEPEND);
        }
        return given;
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
            json.addProperty("timeout", seconds(timeout)); // not whole milliseconds: 0.4 ms must not read as none
        }
        if (retries > 0) {
            json.addProperty("retries", retries);
        }
        if (!label.isEmpty()) {
            json.addProperty("label", label);
        }
        if (!targets.isEmpty()) {
            JsonArray engines = new JsonArray();
            targets.forEach(engines::add);
            json.add("lb_targets", engines);
        }
        return json;
    }

    private static double seconds(Duration duration) {
        return duration.getSeconds() + duration.getNano() / 1e9;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static JsonArray array(List<Dependency> dependencies) {
        JsonArray array = new JsonArray();
        dependencies.forEach(d -> array.add(d.toJson()));
        return array;
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        if (!after.isEmpty()) {
            parts.add("after=" + after);
        }
        if (!follow.isEmpty()) {
            parts.add("follow=" + follow);
        }
        if (!timeout.isZero()) {
            parts.add("timeout=" + seconds(timeout) + "s");
        }
        if (retries > 0) {
            parts.add("retries=" + retries);
        }
        if (!label.isEmpty()) {
            parts.add("label=" + label);
        }
        if (!requires.isEmpty()) {
            parts.add("require=" + requires);
        }
        if (!conditions.isEmpty()) {
            parts.add("depend=" + conditions.size());
        }
        if (!targets.isEmpty()) {
            parts.add("targets=" + targets);
        }
        return "TaskFlags[" + String.join(", ", parts) + "]";
    }
}

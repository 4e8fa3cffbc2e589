package org.jparallel.controller.scheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Judges {@code after} (time) and {@code follow} (location) dependencies against the outcomes of tasks. */
final class DependencyCheck {
    private final TaskOutcomes outcomes;

    DependencyCheck(TaskOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    /** Met once all (or any) of its tasks ended as it asks; impossible once that cannot happen. */
    Verdict time(TaskDependency dependency) {
        int met = 0;
        List<String> pending = new ArrayList<>(0);
        String unmet = null;
        for (String id : dependency.msgIds()) {
            TaskOutcomes.Outcome outcome = outcomes.get(id);
            if (outcome == null) {
                return unknown(id);
            }
            if (!outcome.finished()) {
                pending.add(id);
            } else if (dependency.metBy(outcome)) {
                met++;
            } else if (unmet == null) {
                unmet = dependency.unmetBy(id, outcome);
            }
        }
        if (dependency.all()) {
            return unmet != null ? impossible(unmet) : !pending.isEmpty() ? waiting(dependency, pending)
                    : Verdict.ANYWHERE;
        }
        if (met > 0 || dependency.msgIds().isEmpty()) {
            return Verdict.ANYWHERE;
        }
        return !pending.isEmpty() ? waiting(dependency, pending)
                : impossible("none of the tasks it depends on (any) ended as it asks; the first: " + unmet);
    }

    /** The engines where its tasks ended as it asks (one engine for all of them), among the live ones. */
    Verdict place(TaskDependency dependency, Set<Integer> live) {
        Set<Integer> where = new TreeSet<>();
        List<String> pending = new ArrayList<>(0);
        String unmet = null;
        for (String id : dependency.msgIds()) {
            TaskOutcomes.Outcome outcome = outcomes.get(id);
            if (outcome == null) {
                return unknown(id);
            }
            if (!outcome.finished()) {
                pending.add(id);
            } else if (dependency.metBy(outcome) && outcome.engineId() >= 0) {
                where.add(outcome.engineId());
            } else if (unmet == null) {
                unmet = dependency.metBy(outcome) ? "task " + id + " never ran on an engine"
                        : dependency.unmetBy(id, outcome);
            }
        }
        if (dependency.msgIds().isEmpty()) {
            return Verdict.ANYWHERE;
        }
        if (dependency.all()) {
            if (unmet != null) {
                return impossible(unmet);
            }
            if (where.size() > 1) {
                return impossible("the tasks it follows ran on different engines " + where
                        + ", and follow(all(...)) needs one engine that ran them all: follow one of them, or use"
                        + " follow(any(...))");
            }
            if (!pending.isEmpty()) {
                return waiting(dependency, pending);
            }
            return live.containsAll(where) ? Verdict.on(where) : gone(where);
        }
        Set<Integer> alive = new TreeSet<>(where);
        alive.retainAll(live);
        if (!alive.isEmpty()) {
            return Verdict.on(alive);
        }
        if (!pending.isEmpty()) {
            return waiting(dependency, pending);
        }
        return where.isEmpty() ? impossible("none of the tasks it follows (any) ended as it asks; the first: " + unmet)
                : gone(where);
    }

    /**
     * A dependency on all of its tasks can change only once all pending ones ended, so waiting for any one of
     * them is enough; one on any of them may be met by whichever ends first.
     */
    private static Verdict waiting(TaskDependency dependency, List<String> pending) {
        return Verdict.waitingOn(dependency.all() ? List.of(pending.get(0)) : pending);
    }

    private static Verdict gone(Set<Integer> where) {
        return impossible("it follows tasks that ran on engine" + (where.size() == 1 ? " " : "s ") + where
                + ", which " + (where.size() == 1 ? "is" : "are") + " gone: drop follow(...), or run what it"
                + " needs again on a live engine");
    }

    private static Verdict impossible(String why) {
        return Verdict.impossible(why);
    }

    private static Verdict unknown(String msgId) {
        return Verdict.invalid("it depends on task " + msgId + ", which this controller never received: a task of"
                + " another cluster, of this profile's controller before a restart, or one that ended more than a"
                + " million tasks ago; depend on tasks this controller ran");
    }
}

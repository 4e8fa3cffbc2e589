package org.jparallel.controller.scheduler;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * The controller's scheduler: holds each load-balanced task until its dependencies are met (or sends it
 * behind them to the engine they all went to), keeps at most the high-water mark of tasks in flight per
 * engine, picks among the engines it may use by a {@link Scheme}, sends tasks whose requirements failed on an
 * engine to another, retries failed tasks, and fails at once the tasks no engine can ever run.
 *
 * <pre>{@code
 * TaskScheduler scheduler = new DependencyScheduler(Scheme.LRU, 1, new Random());
 * }</pre>
 */
public final class DependencyScheduler implements TaskScheduler {
    static final String UNMET = "org.jparallel.client.UnmetDependency";

    private final Scheme scheme;
    private final int highWaterMark;
    private final Random random;
    private final TaskOutcomes outcomes = new TaskOutcomes();
    private final DependencyCheck check = new DependencyCheck(outcomes);
    private final BehindTasks behind = new BehindTasks();
    private final Map<String, TaskNeeds> live = new HashMap<>();
    private final Set<String> dependents = new HashSet<>();
    private final Map<Integer, Long> lastSent = new HashMap<>();
    /** The retries left to tasks that succeeded with some left: a lost result may make them run again. */
    private final Map<String, Integer> spareRetries = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > TaskOutcomes.KEPT;
        }
    };
    private long sends;

    /**
     * @param highWaterMark tasks in flight per engine before tasks wait in the controller; 0 for no limit
     */
    public DependencyScheduler(Scheme scheme, int highWaterMark, Random random) {
        if (highWaterMark < 0) {
            throw new IllegalArgumentException("the high-water mark is 0 (no limit) or more, not " + highWaterMark);
        }
        this.scheme = scheme;
        this.highWaterMark = highWaterMark;
        this.random = random;
    }

    @Override
    public String scheme() {
        return scheme.schemeName();
    }

    @Override
    public int highWaterMark() {
        return highWaterMark;
    }

    @Override
    public void rememberFrom(PastOutcomes past) {
        outcomes.rememberFrom(past);
    }

    @Override
    public void recorded(String msgId) {
        outcomes.recorded(msgId);
    }

    @Override
    public void queued(QueuedTask task) {
        if (live.containsKey(task.msgId())) {
            return;
        }
        TaskNeeds needs;
        try {
            needs = TaskNeeds.of(task.metadata(), System.nanoTime());
        } catch (RuntimeException e) {
            needs = TaskNeeds.unreadable(e.getMessage());
        }
        live.put(task.msgId(), needs);
        if (!needs.plain()) {
            dependents.add(task.msgId());
        }
    }

    @Override
    public boolean plain(String msgId) {
        return !dependents.contains(msgId);
    }

    @Override
    public boolean anyDependent() {
        return !dependents.isEmpty();
    }

    @Override
    public Placement place(QueuedTask task, List<EngineLoad> engines) {
        queued(task);
        TaskNeeds needs = live.get(task.msgId());
        if (needs.unreadable != null) {
            return new Placement.Fail("InvalidDependency", "the task's flags cannot be read: " + needs.unreadable);
        }
        for (String input : needs.inputs) {
            if (outcomes.get(input) == null) {
                return new Placement.Fail("InvalidDependency", "this task cannot run: it takes as an argument the"
                        + " result of task " + input + ", which this controller never received: a result of another"
                        + " cluster, or of this profile's controller before a restart; pass its value instead"
                        + " (result.get())");
            }
        }
        List<String> blockedOn = null;
        for (TaskDependency dependency : needs.after) {
            Verdict verdict = check.time(dependency);
            if (verdict.failed()) {
                return fail(verdict);
            }
            if (verdict.kind() == Verdict.Kind.WAITING && blockedOn == null) {
                blockedOn = verdict.waitingOn();
            }
        }
        Set<Integer> allowed = null;
        if (!needs.follow.isEmpty()) {
            Set<Integer> liveIds = new TreeSet<>();
            engines.forEach(e -> liveIds.add(e.id()));
            for (TaskDependency dependency : needs.follow) {
                Verdict verdict = check.place(dependency, liveIds);
                if (verdict.failed()) {
                    return fail(verdict);
                }
                if (verdict.kind() == Verdict.Kind.WAITING && blockedOn == null) {
                    blockedOn = verdict.waitingOn();
                }
                if (verdict.engines() != null) {
                    if (allowed == null) {
                        allowed = new TreeSet<>(verdict.engines());
                    } else {
                        allowed.retainAll(verdict.engines());
                        if (allowed.isEmpty()) {
                            return new Placement.Fail("ImpossibleDependency", "its follow dependencies point to"
                                    + " different engines, so no one engine meets them all: follow fewer tasks");
                        }
                    }
                }
            }
        }
        if (!needs.targets.isEmpty()) {
            if (!engines.isEmpty() && engines.stream().noneMatch(e -> needs.targets.contains(e.id()))) {
                return new Placement.Fail("ImpossibleDependency", "the engines it may run on, " + needs.targets
                        + ", are gone: send it to a view of engines that are there (rc.ids())");
            }
            if (allowed == null) {
                allowed = new TreeSet<>(needs.targets);
            } else if (allowed.retainAll(needs.targets) && allowed.isEmpty()) {
                return new Placement.Fail("ImpossibleDependency", "the tasks it follows ran on engines other than"
                        + " those it may run on, " + needs.targets + ": follow other tasks, or widen its targets");
            }
        }
        if (blockedOn != null) {
            if (System.nanoTime() - needs.deadlineNanos > 0) {
                return timedOut(needs);
            }
            Placement behindThem = behind(task.msgId(), needs, engines, blockedOn);
            return behindThem != null ? behindThem : new Placement.Blocked(blockedOn);
        }
        Placement chosen = choose(needs, engines, allowed);
        if (chosen instanceof Placement.Wait && System.nanoTime() - needs.deadlineNanos > 0) {
            // as ipyparallel's TaskTimeout: the timeout bounds the whole wait here, not only that for dependencies
            return new Placement.Fail("TaskTimeout", "no engine was free to run it within its timeout of "
                    + needs.timeoutSeconds + " s, so it never ran: give it a longer timeout(...), add engines, or"
                    + " let engines queue more tasks (jpcluster start --hwm)");
        }
        return chosen;
    }

    /**
     * Behind the tasks it still waits for, on their engine, when they all went to one live engine that has
     * room for it there: it then starts as they end, without their answers going through the controller first.
     * When that engine has no room, it waits here until room may come (or what it waits for ends). Null when it
     * must wait here for what it waits for.
     */
    private Placement behind(String msgId, TaskNeeds needs, List<EngineLoad> engines, List<String> blockedOn) {
        if (!needs.mayWaitOnEngine()) {
            return null;
        }
        int engineId = -1;
        List<String> awaited = new ArrayList<>();
        for (TaskDependency dependency : needs.after) {
            for (String id : dependency.msgIds()) {
                TaskOutcomes.Outcome outcome = outcomes.get(id);
                if (outcome != null && outcome.finished()) {
                    continue; // it succeeded: a failure would have made this task impossible
                }
                if (outcome == null || outcome.engineId() < 0 || (engineId >= 0 && outcome.engineId() != engineId)) {
                    return null;
                }
                engineId = outcome.engineId();
                awaited.add(id);
            }
        }
        int on = engineId;
        if (on < 0 || engines.stream().noneMatch(e -> e.id() == on)) {
            return null;
        }
        if (!behind.hasRoom(on)) {
            List<String> until = new ArrayList<>(blockedOn);
            until.addAll(behind.awaitedOn(on));
            return new Placement.Blocked(until);
        }
        behind.add(msgId, on, awaited);
        return new Placement.Behind(on, awaited);
    }

    /** Whether some engine has room under the high-water mark: when none has, a task with no constraint waits. */
    private boolean anyFree(List<EngineLoad> engines) {
        if (highWaterMark == 0) {
            return !engines.isEmpty();
        }
        for (EngineLoad engine : engines) {
            if (engine.outstanding() < highWaterMark) {
                return true;
            }
        }
        return false;
    }

    private Placement choose(TaskNeeds needs, List<EngineLoad> engines, Set<Integer> allowed) {
        if (needs.unmetOn.isEmpty() && !anyFree(engines)) {
            return Placement.WAIT; // every engine busy (or none yet): nothing to choose, and nothing to allocate
        }
        List<EngineLoad> possible = new ArrayList<>();
        for (EngineLoad engine : engines) {
            if ((allowed == null || allowed.contains(engine.id())) && !needs.unmetOn.contains(engine.id())) {
                possible.add(engine);
            }
        }
        if (possible.isEmpty()) {
            if (!needs.unmetOn.isEmpty() && !engines.isEmpty()) {
                return new Placement.Fail("ImpossibleDependency", "no engine meets the task's requirements"
                        + " (require/depend): unmet on engine" + (needs.unmetOn.size() == 1 ? " " : "s ")
                        + new TreeSet<>(needs.unmetOn) + " (" + needs.lastUnmet + "); add an engine that has what"
                        + " it needs, or change the requirement");
            }
            return Placement.WAIT; // no engine yet: tasks wait for the first to register
        }
        List<EngineLoad> elsewhere = possible.stream().filter(e -> !needs.failedOn.contains(e.id())).toList();
        List<EngineLoad> candidates = new ArrayList<>();
        for (EngineLoad engine : elsewhere.isEmpty() ? possible : elsewhere) {
            if (highWaterMark == 0 || engine.outstanding() < highWaterMark) {
                candidates.add(engine);
            }
        }
        if (candidates.isEmpty()) {
            return Placement.WAIT;
        }
        candidates.sort(Comparator.comparingLong((EngineLoad e) -> lastSent.getOrDefault(e.id(), -1L))
                .thenComparingInt(EngineLoad::id));
        int engineId = candidates.get(scheme.choose(candidates, random)).id();
        lastSent.put(engineId, sends++);
        return new Placement.Send(engineId);
    }

    private Placement fail(Verdict verdict) {
        String ename = verdict.kind() == Verdict.Kind.INVALID ? "InvalidDependency" : "ImpossibleDependency";
        return new Placement.Fail(ename, "this task cannot run: " + verdict.reason());
    }

    private static Placement timedOut(TaskNeeds needs) {
        return new Placement.Fail("DependencyTimeout", "its dependencies were not met within its timeout of "
                + needs.timeoutSeconds + " s, so it never ran: give it a longer timeout(...), or look at the tasks"
                + " it waits for");
    }

    @Override
    public void sentTo(String msgId, int engineId) {
        outcomes.sentTo(msgId, engineId);
        if (engineId < 0) {
            behind.remove(msgId);
        }
    }

    @Override
    public boolean waitsBehind(String msgId) {
        return behind.waits(msgId);
    }

    @Override
    public boolean retry(String msgId, int engineId, String ename, String evalue) {
        TaskNeeds needs = live.get(msgId);
        if (needs == null) {
            return false; // a direct task, or one never placed by this scheduler
        }
        if (UNMET.equals(ename) || "UnmetDependency".equals(ename)) {
            needs.unmetOn.add(engineId);
            dependents.add(msgId);
            needs.lastUnmet = "engine " + engineId + ": " + evalue;
            return true;
        }
        if (needs.retriesLeft > 0) {
            needs.retriesLeft--;
            needs.failedOn.add(engineId);
            dependents.add(msgId);
            return true;
        }
        return false;
    }

    @Override
    public boolean rerun(QueuedTask task, int lostEngineId) {
        Integer left = spareRetries.remove(task.msgId());
        if (left == null || left <= 0 || live.containsKey(task.msgId())) {
            return false;
        }
        TaskNeeds needs;
        try {
            needs = TaskNeeds.of(task.metadata(), System.nanoTime());
        } catch (RuntimeException e) {
            return false;
        }
        needs.retriesLeft = left - 1;
        needs.failedOn.add(lostEngineId);
        live.put(task.msgId(), needs);
        dependents.add(task.msgId());
        outcomes.reopened(task.msgId());
        return true;
    }

    @Override
    public void finished(String msgId, int engineId, String error) {
        TaskNeeds needs = live.get(msgId);
        if (needs != null && error == null && needs.retriesLeft > 0) {
            spareRetries.put(msgId, needs.retriesLeft);
        }
        live.remove(msgId);
        dependents.remove(msgId);
        outcomes.finished(msgId, engineId, error);
        behind.remove(msgId);
        behind.ended(msgId);
    }
}

package org.jparallel.controller.hub;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The load-balanced tasks waiting in the controller: those the hub offers the scheduler, in the order they
 * came (a task sent again goes first), and those set aside until a task they wait for ends. Without the
 * second kind, every answer from an engine would make the hub ask again about every waiting task of a big
 * graph, though only the dependents of the task that ended can have changed.
 *
 * <p>Of the tasks offered, those not yet offered since they came, came back or were released are also kept
 * apart ({@link #next}): while no engine has room, only they can change (fail, or wait aside), so the hub's
 * walk then costs what changed, not what waits; 5,000 queued no-op tasks took 40% of the controller's CPU
 * in walks that skipped them one by one. Runs under the hub's lock.
 */
final class WaitingTasks {
    /** A task set aside under a msg_id; stale once the task left or was set aside again ({@code turn}). */
    private record Aside(Task task, int turn) {
    }

    private final TreeMap<Long, Task> ready = new TreeMap<>();
    /** The tasks of {@link #ready} not offered since they joined it, or since {@link #offerAgain}. */
    private final TreeMap<Long, Task> fresh = new TreeMap<>();
    private final Map<String, List<Aside>> aside = new HashMap<>();
    /** Tasks whose wait ended while the hub was walking {@link #ready}: they join it at the next walk. */
    private final List<Task> released = new ArrayList<>();
    private long nextLast;
    private long nextFirst = -1;
    private int asideCount;

    void add(Task task) {
        task.queueOrder = nextLast++;
        join(task);
    }

    /** A task sent again (retries, unmet requirements) goes before every other. */
    void addFirst(Task task) {
        task.queueOrder = nextFirst--;
        join(task);
    }

    private void join(Task task) {
        ready.put(task.queueOrder, task);
        fresh.put(task.queueOrder, task);
    }

    /** Starts a walk: the tasks released since the last one join the offered ones, in their old places. */
    void startWalk() {
        released.forEach(this::join);
        released.clear();
    }

    /**
     * The next task of a walk, in queue order, after {@code previous} (null: the first); with {@code freshOnly},
     * only tasks not offered since they joined. A task taken out with {@link #take} may still be the previous.
     */
    Task next(Task previous, boolean freshOnly) {
        TreeMap<Long, Task> tasks = freshOnly ? fresh : ready;
        Map.Entry<Long, Task> next = previous == null ? tasks.firstEntry() : tasks.higherEntry(previous.queueOrder);
        return next == null ? null : next.getValue();
    }

    /** The scheduler answered "wait for a free engine": nothing but a free engine changes that. */
    void waitsForEngine(Task task) {
        fresh.remove(task.queueOrder);
    }

    /** Takes out a task of the walk that was sent, failed, or is about to be set aside. */
    void take(Task task) {
        ready.remove(task.queueOrder);
        fresh.remove(task.queueOrder);
    }

    /** Sets aside a task just taken out of {@link #walk} until one of these tasks ends. */
    void setAside(Task task, List<String> until) {
        task.asideTurn++;
        task.aside = true;
        asideCount++;
        for (String msgId : until) {
            aside.computeIfAbsent(msgId, id -> new ArrayList<>(2)).add(new Aside(task, task.asideTurn));
        }
    }

    /** Task {@code msgId} ended, or went to an engine: the tasks set aside for it are offered again. */
    void ended(String msgId) {
        List<Aside> waiting = aside.remove(msgId);
        if (waiting != null) {
            waiting.forEach(a -> release(a.task(), a.turn()));
        }
    }

    /** Offers every task set aside again: their dependency timeouts are checked then. */
    void releaseAll() {
        for (List<Aside> waiting : aside.values()) {
            waiting.forEach(a -> release(a.task(), a.turn()));
        }
        aside.clear();
    }

    private void release(Task task, int turn) {
        if (task.aside && task.asideTurn == turn) {
            task.aside = false;
            asideCount--;
            released.add(task);
        }
    }

    /** Offers this task to the scheduler at the next walk, wherever it waits (its timeout passed). */
    void offerAgain(Task task) {
        if (task.aside) {
            release(task, task.asideTurn);
        } else if (ready.get(task.queueOrder) == task) {
            fresh.put(task.queueOrder, task);
        }
    }

    /** Every waiting task is offered to the scheduler at the next walk, even when no engine is free. */
    void offerAgain() {
        fresh.putAll(ready);
    }

    /** Takes a task out, wherever it waits; false when it does not wait. */
    boolean remove(Task task) {
        if (task.aside) {
            task.aside = false;
            task.asideTurn++;
            asideCount--;
            return true;
        }
        fresh.remove(task.queueOrder, task);
        return ready.remove(task.queueOrder, task) || released.remove(task);
    }

    /** Whether tasks were released since the last walk began: another walk may place them. */
    boolean anyReleased() {
        return !released.isEmpty();
    }

    /** Whether any task may be placed now (one is offered, or was released since the last walk). */
    boolean anyToOffer() {
        return !ready.isEmpty() || !released.isEmpty();
    }

    int size() {
        return ready.size() + released.size() + asideCount;
    }
}

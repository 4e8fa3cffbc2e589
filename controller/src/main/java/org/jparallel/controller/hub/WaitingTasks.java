package org.jparallel.controller.hub;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The load-balanced tasks waiting in the controller: those the hub offers the scheduler, in the order they
 * came (a task sent again goes first), and those set aside until a task they wait for ends. Without the
 * second kind, every answer from an engine would make the hub ask again about every waiting task of a big
 * graph, though only the dependents of the task that ended can have changed. Runs under the hub's lock.
 */
final class WaitingTasks {
    /** A task set aside under a msg_id; stale once the task left or was set aside again ({@code turn}). */
    private record Aside(Task task, int turn) {
    }

    private final TreeMap<Long, Task> ready = new TreeMap<>();
    private final Map<String, List<Aside>> aside = new HashMap<>();
    /** Tasks whose wait ended while the hub was walking {@link #ready}: they join it at the next walk. */
    private final List<Task> released = new ArrayList<>();
    private long nextLast;
    private long nextFirst = -1;
    private int asideCount;

    void add(Task task) {
        task.offered = false;
        task.queueOrder = nextLast++;
        ready.put(task.queueOrder, task);
    }

    /** A task sent again (retries, unmet requirements) goes before every other. */
    void addFirst(Task task) {
        task.offered = false;
        task.queueOrder = nextFirst--;
        ready.put(task.queueOrder, task);
    }

    /** The tasks to offer the scheduler, in order; {@link Iterator#remove} takes one out. */
    Iterator<Task> walk() {
        for (Task task : released) {
            ready.put(task.queueOrder, task);
        }
        released.clear();
        return ready.values().iterator();
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

    /** Task {@code msgId} ended: the tasks set aside for it are offered again. */
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
            task.offered = false;
            asideCount--;
            released.add(task);
        }
    }

    /** Every waiting task is offered to the scheduler at the next walk, even when no engine is free. */
    void offerAgain() {
        ready.values().forEach(task -> task.offered = false);
        released.forEach(task -> task.offered = false);
    }

    /** Takes a task out, wherever it waits; false when it does not wait. */
    boolean remove(Task task) {
        if (task.aside) {
            task.aside = false;
            task.asideTurn++;
            asideCount--;
            return true;
        }
        return ready.remove(task.queueOrder, task) || released.remove(task);
    }

    /** Whether any task may be placed now (one is offered, or was released since the last walk). */
    boolean anyToOffer() {
        return !ready.isEmpty() || !released.isEmpty();
    }

    int size() {
        return ready.size() + released.size() + asideCount;
    }
}

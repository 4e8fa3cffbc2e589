package org.jparallel.controller.scheduler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tasks sent to an engine behind tasks they wait for, until those end: then they run there (or, should one
 * have failed, the engine hands them back). A few per engine at most, so that a task many others wait for does
 * not pull them all onto its engine: the rest wait in the controller and spread once it ends.
 */
final class BehindTasks {
    /** Tasks behind others per engine: enough that the next link of a chain is there when the engine is free. */
    static final int PER_ENGINE = 2;

    private record Behind(int engineId, Set<String> waitingFor) {
    }

    private final Map<String, Behind> byTask = new HashMap<>();
    private final Map<String, List<String>> byAwaited = new HashMap<>();

    boolean hasRoom(int engineId) {
        int count = 0;
        for (Behind behind : byTask.values()) {
            if (behind.engineId == engineId && ++count >= PER_ENGINE) {
                return false;
            }
        }
        return true;
    }

    /** What the tasks behind others on this engine wait for: room comes as any of these ends. */
    Set<String> awaitedOn(int engineId) {
        Set<String> awaited = new HashSet<>();
        for (Behind behind : byTask.values()) {
            if (behind.engineId == engineId) {
                awaited.addAll(behind.waitingFor);
            }
        }
        return awaited;
    }

    void add(String msgId, int engineId, List<String> after) {
        byTask.put(msgId, new Behind(engineId, new HashSet<>(after)));
        for (String awaited : after) {
            byAwaited.computeIfAbsent(awaited, id -> new ArrayList<>(1)).add(msgId);
        }
    }

    /** Whether the task still waits on its engine for others (so it has not started). */
    boolean waits(String msgId) {
        return byTask.containsKey(msgId);
    }

    /** Task {@code msgId} ended: those behind it alone start now. */
    void ended(String msgId) {
        List<String> behindIt = byAwaited.remove(msgId);
        if (behindIt == null) {
            return;
        }
        for (String task : behindIt) {
            Behind behind = byTask.get(task);
            if (behind != null && behind.waitingFor.remove(msgId) && behind.waitingFor.isEmpty()) {
                byTask.remove(task);
            }
        }
    }

    /** The task left its engine (handed back, or the engine died) or has its answer. */
    void remove(String msgId) {
        Behind behind = byTask.remove(msgId);
        if (behind != null) {
            for (String awaited : behind.waitingFor) {
                List<String> tasks = byAwaited.get(awaited);
                if (tasks != null && tasks.remove(msgId) && tasks.isEmpty()) {
                    byAwaited.remove(awaited);
                }
            }
        }
    }
}

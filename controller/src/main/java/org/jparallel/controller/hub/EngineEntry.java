package org.jparallel.controller.hub;

import java.util.LinkedHashSet;
import java.util.Set;

/** A registered engine, as the hub tracks it; guarded by the hub's lock. */
final class EngineEntry {
    final int id;
    final long pid;
    final String host;
    /** Its link for everything it sends, and for what the controller asks it out of band. */
    final byte[] identity;
    /** Its task link, which its execution thread reads: the requests to run, in order. */
    final byte[] taskIdentity;
    final Set<String> outstanding = new LinkedHashSet<>();
    int completed;
    /** Whether the controller asked it to shut down: its end is then no death. */
    boolean stopAsked;
    long lastHeardNanos = System.nanoTime();
    /** The task it was running when a client interrupted it, while that task has not answered; or null. */
    String interruptedTask;
    long interruptedAtNanos;

    /**
     * Notes that a client interrupted what this engine runs (its oldest task in flight), if it runs anything and,
     * when {@code only} is not null, that task is among them (an abort names the tasks it interrupts).
     */
    void interrupted(long nowNanos, Set<String> only) {
        if (interruptedTask == null && !outstanding.isEmpty()) {
            String running = outstanding.iterator().next();
            if (only == null || only.contains(running)) {
                interruptedTask = running;
                interruptedAtNanos = nowNanos;
            }
        }
    }

    /** The task answered: whatever it was interrupted in, it is over. */
    void answered(String msgId) {
        if (msgId.equals(interruptedTask)) {
            interruptedTask = null;
        }
    }

    EngineEntry(int id, long pid, String host, byte[] identity, byte[] taskIdentity) {
        this.id = id;
        this.pid = pid;
        this.host = host;
        this.identity = identity;
        this.taskIdentity = taskIdentity;
    }
}

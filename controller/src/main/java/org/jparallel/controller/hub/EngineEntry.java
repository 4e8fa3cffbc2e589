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
    long lastHeardNanos = System.nanoTime();

    EngineEntry(int id, long pid, String host, byte[] identity, byte[] taskIdentity) {
        this.id = id;
        this.pid = pid;
        this.host = host;
        this.identity = identity;
        this.taskIdentity = taskIdentity;
    }
}

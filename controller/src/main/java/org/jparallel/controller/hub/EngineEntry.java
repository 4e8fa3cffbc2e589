package org.jparallel.controller.hub;

import java.util.LinkedHashSet;
import java.util.Set;

/** A registered engine, as the hub tracks it; guarded by the hub's lock. */
final class EngineEntry {
    final int id;
    final long pid;
    final String host;
    final byte[] identity;
    final Set<String> outstanding = new LinkedHashSet<>();
    int completed;
    long lastHeardNanos = System.nanoTime();

    EngineEntry(int id, long pid, String host, byte[] identity) {
        this.id = id;
        this.pid = pid;
        this.host = host;
        this.identity = identity;
    }
}

package org.jparallel.client;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * The engines this client knows of, kept current by the controller's {@code connection_reply} and its
 * {@code engine_registered} / {@code engine_unregistered} notifications.
 */
final class EngineRegistry {
    private final TreeSet<Integer> ids = new TreeSet<>();

    synchronized List<Integer> ids() {
        return List.copyOf(ids);
    }

    synchronized boolean contains(int id) {
        return ids.contains(id);
    }

    /** Replaces what is known with the {@code engines} dict of a {@code connection_reply}. */
    synchronized void reset(JsonObject engines) {
        ids.clear();
        for (Map.Entry<String, JsonElement> e : engines.entrySet()) {
            ids.add(Integer.parseInt(e.getKey()));
        }
        notifyAll();
    }

    synchronized void registered(int id) {
        ids.add(id);
        notifyAll();
    }

    synchronized void unregistered(int id) {
        ids.remove(id);
        notifyAll();
    }

    /** Waits until at least {@code n} engines are known or {@code timeoutMillis} passes; returns the count. */
    synchronized int awaitCount(int n, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (ids.size() < n) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                break;
            }
            wait(left);
        }
        return ids.size();
    }
}

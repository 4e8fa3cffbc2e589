package org.jparallel.magic.builtin;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The variables {@code %env NAME=value} set for the shells that {@code %sh} and {@code %%bash} start, over the JVM's
 * own environment: a JVM cannot change the environment it was started with, so {@code System.getenv} in a cell keeps
 * seeing that one.
 */
public final class ShellEnvironment {
    private final Map<String, String> set = new ConcurrentSkipListMap<>();

    /** Sets {@code name} for shells started from now on. */
    void put(String name, String value) {
        set.put(name, value);
    }

    /** The value a shell started now sees, or null. */
    String get(String name) {
        return set.containsKey(name) ? set.get(name) : System.getenv(name);
    }

    /** Every variable a shell started now sees, by name. */
    Map<String, String> all() {
        Map<String, String> all = new TreeMap<>(System.getenv());
        all.putAll(set);
        return all;
    }

    /** Gives a shell's process the variables set here. */
    void applyTo(Map<String, String> processEnvironment) {
        processEnvironment.putAll(set);
    }
}

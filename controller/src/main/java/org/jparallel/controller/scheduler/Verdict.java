package org.jparallel.controller.scheduler;

import java.util.Set;

/**
 * Where a task's dependencies stand: met (on these engines, or anywhere when {@code engines} is null),
 * waiting, or failed for good with an error.
 */
record Verdict(Kind kind, Set<Integer> engines, String reason) {
    enum Kind { MET, WAITING, IMPOSSIBLE, INVALID }

    static final Verdict ANYWHERE = new Verdict(Kind.MET, null, "");
    static final Verdict WAITING = new Verdict(Kind.WAITING, null, "");

    static Verdict on(Set<Integer> engines) {
        return new Verdict(Kind.MET, engines, "");
    }

    static Verdict impossible(String reason) {
        return new Verdict(Kind.IMPOSSIBLE, null, reason);
    }

    static Verdict invalid(String reason) {
        return new Verdict(Kind.INVALID, null, reason);
    }

    boolean failed() {
        return kind == Kind.IMPOSSIBLE || kind == Kind.INVALID;
    }
}

package org.jparallel.controller.scheduler;

import java.util.List;
import java.util.Set;

/**
 * Where a task's dependencies stand: met (on these engines, or anywhere when {@code engines} is null),
 * waiting for tasks still pending ({@code waitingOn}: the end of any of them may change the verdict), or
 * failed for good with an error.
 */
record Verdict(Kind kind, Set<Integer> engines, String reason, List<String> waitingOn) {
    enum Kind { MET, WAITING, IMPOSSIBLE, INVALID }

    static final Verdict ANYWHERE = new Verdict(Kind.MET, null, "", List.of());

    static Verdict on(Set<Integer> engines) {
        return new Verdict(Kind.MET, engines, "", List.of());
    }

    /** Waiting until one of these pending tasks ends: for a dependency on all, any one of them will do. */
    static Verdict waitingOn(List<String> msgIds) {
        return new Verdict(Kind.WAITING, null, "", msgIds);
    }

    static Verdict impossible(String reason) {
        return new Verdict(Kind.IMPOSSIBLE, null, reason, List.of());
    }

    static Verdict invalid(String reason) {
        return new Verdict(Kind.INVALID, null, reason, List.of());
    }

    boolean failed() {
        return kind == Kind.IMPOSSIBLE || kind == Kind.INVALID;
    }
}

package org.jparallel.controller.scheduler;

/**
 * What a scheduler decides for a waiting load-balanced task: send it now (maybe behind the tasks it waits for),
 * keep it waiting, or fail it.
 */
public sealed interface Placement {

    /** Keep the task queued: every engine it may use is busy, or there is none yet. */
    Placement WAIT = new Wait();

    /**
     * Keep the task aside until one of these pending tasks ends: before that, placing it again gives the same
     * answer (save when its dependency timeout passes, which the hub checks once a second).
     */
    record Blocked(java.util.List<String> on) implements Placement {
    }

    /** Send the task to this engine now. */
    record Send(int engineId) implements Placement {
    }

    /**
     * Send the task now to the engine where all it still waits for ({@code after}) was sent: it runs there once
     * they end, if they succeeded, without waiting for their answers to come through the controller.
     */
    record Behind(int engineId, java.util.List<String> after) implements Placement {
    }

    /** The task never runs: answer it with this error ({@code ImpossibleDependency}, …). */
    record Fail(String ename, String evalue) implements Placement {
    }

    record Wait() implements Placement {
    }
}

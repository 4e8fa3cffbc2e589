package org.jparallel.controller.scheduler;

/** What a scheduler decides for a waiting load-balanced task: send it now, keep it waiting, or fail it. */
public sealed interface Placement {

    /** Keep the task queued: its dependencies are not met yet, or every engine it may use is busy. */
    Placement WAIT = new Wait();

    /** Send the task to this engine now. */
    record Send(int engineId) implements Placement {
    }

    /** The task never runs: answer it with this error ({@code ImpossibleDependency}, …). */
    record Fail(String ename, String evalue) implements Placement {
    }

    record Wait() implements Placement {
    }
}

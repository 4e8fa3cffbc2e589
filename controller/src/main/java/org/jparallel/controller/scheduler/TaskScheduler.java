package org.jparallel.controller.scheduler;

import java.util.List;

/**
 * Chooses the engine for each load-balanced task, keeps it waiting, or fails it; and decides which failed
 * tasks run again.
 *
 * <p>Called by the hub, under its lock: {@link #recorded} for every task a client sends (direct ones too,
 * since dependencies may name them), {@link #queued} when a load-balanced task joins the queue, {@link #place}
 * for a waiting task when it arrives, when a task it waits for is sent or ends, when an engine frees up or
 * engines come or go, and once a second (for timeouts), {@link #sentTo} when a task goes to an engine or comes
 * back, {@link #retry} when a load-balanced task failed or lost its engine, {@link #finished} when a task has its
 * final answer, and {@link #rerun} when a finished task must run again to remake a result lost with its engine.
 *
 * <pre>{@code
 * TaskScheduler scheduler = new DependencyScheduler(Scheme.LEASTLOAD, 1, new Random());
 * scheduler.recorded(msgId);
 * Placement p = scheduler.place(new QueuedTask(msgId, metadata), loads);   // Send(2), WAIT or Fail(…)
 * }</pre>
 */
public interface TaskScheduler {

    /** The scheme's name, as {@code jpcluster start --scheme} takes it: {@code leastload}, {@code lru}, … */
    String scheme();

    /** Load-balanced tasks in flight per engine before tasks wait in the controller; 0 for no limit. */
    int highWaterMark();

    /** Where to look for tasks that ended before this controller started: depended on, they are finished. */
    void rememberFrom(PastOutcomes past);

    /** A client sent this task (direct or load-balanced): it may now be depended on. */
    void recorded(String msgId);

    /** A load-balanced task joins the queue: its flags are read now, and its timeout starts. */
    void queued(QueuedTask task);

    /**
     * Whether a task has no dependency and no engine it avoids: when one such task must wait for an engine,
     * so do all behind it, and the hub need not ask.
     */
    boolean plain(String msgId);

    /** Whether some queued or running task is not {@link #plain}: then the hub looks at the whole queue. */
    boolean anyDependent();

    /**
     * @param engines the registered engines, in id order; may be empty
     * @return where to send {@code task} now (maybe {@link Placement.Behind behind} what it waits for),
     *         {@link Placement#WAIT} (no engine it may use is free),
     *         {@link Placement.Blocked} (its dependencies wait for pending tasks), or the error that ends it
     */
    Placement place(QueuedTask task, List<EngineLoad> engines);

    /**
     * A task (direct or load-balanced) went to engine {@code engineId}, or came back to the controller's queue
     * ({@code -1}): tasks that wait only for tasks sent to one engine may wait there ({@link Placement.Behind}).
     */
    void sentTo(String msgId, int engineId);

    /** Whether a task sent {@link Placement.Behind behind} others still waits on its engine, so it has not started. */
    boolean waitsBehind(String msgId);

    /**
     * A task sent to {@code engineId} failed there ({@code ename} is the exception's class, {@code EngineError}
     * when the engine died, {@code org.jparallel.client.UnmetDependency} when its requirements did not hold).
     *
     * @return whether the hub should queue it again rather than answer the client with this failure
     */
    boolean retry(String msgId, int engineId, String ename, String evalue);

    /**
     * A finished task runs again: the engine that held its result died while a task still needs that result. It
     * counts as a retry; the task is pending again until its new answer, so tasks that depend on it wait.
     *
     * @param lostEngineId the engine that died (the task goes elsewhere)
     * @return false when its retries do not allow it (or the scheduler no longer knows it)
     */
    boolean rerun(QueuedTask task, int lostEngineId);

    /**
     * The task has its final answer.
     *
     * @param engineId the engine that answered, or -1 when none did
     * @param error    {@code ename: evalue} of a failure, null when it succeeded
     */
    void finished(String msgId, int engineId, String error);
}

package org.jparallel.client;

import java.util.Map;

/**
 * How busy the cluster is: per engine, the tasks sent to it and not yet answered, those it has answered, and
 * the apply results it keeps for clients or tasks that may still use them; and the load-balanced tasks still
 * waiting in the controller for an engine.
 *
 * <pre>{@code
 * QueueStatus q = rc.queueStatus();
 * q.engines().get(0).queue();       // 1: engine 0 runs one task
 * q.engines().get(0).heldBytes();   // 80000016: it keeps an 80 MB result someone still refers to
 * q.unassigned();                   // 3 tasks wait for an engine
 * }</pre>
 *
 * @param engines    by engine id
 * @param unassigned load-balanced tasks not yet placed on an engine
 */
public record QueueStatus(Map<Integer, Engine> engines, int unassigned) {
    public QueueStatus {
        engines = Map.copyOf(engines);
    }

    /**
     * @param queue     tasks sent to the engine and not answered yet
     * @param completed tasks the engine has answered
     * @param held      apply results the engine keeps: a client's {@link AsyncResult} still refers to them, or a
     *                  task still to run takes them as an argument
     * @param heldBytes the bytes of those results
     */
    public record Engine(int queue, int completed, int held, long heldBytes) {
    }
}

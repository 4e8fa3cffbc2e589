package org.jparallel.client;

import java.util.ArrayList;
import java.util.List;

/**
 * The requests one view has sent, so that it can list, wait for and abort its own tasks (ipyparallel's
 * {@code view.outstanding}, {@code view.wait()}, {@code view.abort()}). Answered ones are forgotten lazily, when
 * asked or once the list has doubled since the last sweep, so that sending a task costs one add.
 */
final class ViewTasks {
    private static final int FIRST_SWEEP = 1024;

    private final ClientChannel channel;
    private final TaskSender sender;
    private final TaskRecords records;
    private final List<String> sent = new ArrayList<>();
    private int sweepAt = FIRST_SWEEP;

    ViewTasks(ClientChannel channel, TaskSender sender, TaskRecords records) {
        this.channel = channel;
        this.sender = sender;
        this.records = records;
    }

    /** Notes the requests of a result the view has just sent; returns the result. */
    <R extends AsyncResult<?>> R record(R result) {
        List<String> ids = result.msgIds();
        synchronized (this) {
            sent.addAll(ids);
            if (sent.size() >= sweepAt) {
                forgetAnswered();
                sweepAt = Math.max(FIRST_SWEEP, 2 * sent.size());
            }
        }
        return result;
    }

    /** The msg_ids of the view's requests still waiting for their reply, oldest first. */
    synchronized List<String> outstanding() {
        forgetAnswered();
        return List.copyOf(sent);
    }

    private void forgetAnswered() {
        sent.removeIf(msgId -> !channel.isWaiting(msgId));
    }

    ClientChannel channel() {
        return channel;
    }

    /** Asks the cluster to abort the view's tasks that have not started. */
    void abort() {
        List<String> pending = outstanding();
        if (!pending.isEmpty()) {
            sender.abort(pending, false);
        }
    }

    QueueStatus queue() {
        return records.queue();
    }
}

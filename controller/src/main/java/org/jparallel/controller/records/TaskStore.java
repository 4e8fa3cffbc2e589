package org.jparallel.controller.records;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the controller keeps the records of finished tasks, so that any client (another one, or a
 * restarted kernel) can ask for a result by msg_id. Called under the hub's lock: implementations
 * need no locking of their own.
 *
 * <pre>{@code
 * TaskStore store = new MemoryTaskStore(100_000, 1L << 30);
 * store.put(record);
 * store.get(record.msgId());   // Optional[record], until purged
 * }</pre>
 */
public interface TaskStore extends AutoCloseable {

    /** Keeps {@code record}, replacing one with the same msg_id; may purge the oldest to stay in bounds. */
    void put(TaskRecord record);

    Optional<TaskRecord> get(String msgId);

    /**
     * The records {@code filter} matches, without their reply's buffers or kept request (what a
     * {@code db_request} lists), in no particular order.
     */
    List<TaskRecord> find(TaskFilter filter);

    /** Forgets these records; returns how many there were. */
    int purge(Collection<String> msgIds);

    /** Forgets every record; returns how many there were. */
    int purgeAll();

    /** Every record's msg_id and when its task was submitted (an ISO-8601 instant), in no particular order. */
    Map<String, String> submissions();

    /** How many records it holds. */
    int size();

    @Override
    void close();
}

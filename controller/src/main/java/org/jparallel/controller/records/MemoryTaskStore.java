package org.jparallel.controller.records;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Records in memory, bounded by count and by bytes: when either bound is passed, the oldest records
 * (first finished) go first. The requests kept for resubmitting have a bound of their own, an eighth of the bytes:
 * a map of 100,000 small chunks ships its function's classes with each (7 KB a chunk), which would otherwise crowd
 * the results out and grow the controller by the whole bound; past it, the oldest records keep their result but
 * drop their request. The default store; a restarted controller starts empty.
 *
 * <pre>{@code
 * TaskStore store = new MemoryTaskStore(100_000, 1L << 30);   // 100,000 records or 1 GiB
 * }</pre>
 */
public final class MemoryTaskStore implements TaskStore {
    private final int maxRecords;
    private final long maxBytes;
    private final long maxRequestBytes;
    private final Map<String, TaskRecord> records = new LinkedHashMap<>();
    /**
     * The msg_ids of the records that keep a request, oldest first. Each leaves as its record goes or drops its
     * request: ids left behind by records dropped at the count bound grew this by one per task for good.
     */
    private final Set<String> withRequests = new LinkedHashSet<>();
    private long bytes;
    private long requestBytes;

    public MemoryTaskStore(int maxRecords, long maxBytes) {
        if (maxRecords < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("a task store holds 1 record and 1 byte or more, not "
                    + maxRecords + " records and " + maxBytes + " bytes");
        }
        this.maxRecords = maxRecords;
        this.maxBytes = maxBytes;
        this.maxRequestBytes = Math.max(1, maxBytes / 8);
    }

    @Override
    public void put(TaskRecord record) {
        remove(record.msgId());
        records.put(record.msgId(), record);
        bytes += record.bytes();
        if (record.request() != null) {
            withRequests.add(record.msgId());
            requestBytes += record.request().bytes();
        }
        while (requestBytes > maxRequestBytes && !withRequests.isEmpty()) {
            TaskRecord stripped = records.get(withRequests.iterator().next());
            forget(stripped); // its id leaves withRequests, which holds only records that keep a request
            TaskRecord kept = stripped.withoutRequest();
            records.put(kept.msgId(), kept); // an existing key keeps its place
            bytes += kept.bytes();
        }
        Iterator<TaskRecord> oldest = records.values().iterator();
        while ((records.size() > maxRecords || bytes > maxBytes) && oldest.hasNext()) {
            forget(oldest.next());
            oldest.remove();
        }
    }

    /** Takes a record's bytes out of the counts. */
    private void forget(TaskRecord record) {
        bytes -= record.bytes();
        if (record.request() != null) {
            requestBytes -= record.request().bytes();
            withRequests.remove(record.msgId());
        }
    }

    /** How many records keep their request for resubmitting. */
    int keptRequests() {
        return withRequests.size();
    }

    @Override
    public Optional<TaskRecord> get(String msgId) {
        return Optional.ofNullable(records.get(msgId));
    }

    @Override
    public List<TaskRecord> find(TaskFilter filter) {
        List<TaskRecord> found = new ArrayList<>();
        for (TaskRecord record : records.values()) {
            if (filter.matches(record)) {
                found.add(record);
            }
        }
        return found;
    }

    @Override
    public int purge(Collection<String> msgIds) {
        int purged = 0;
        for (String msgId : msgIds) {
            purged += remove(msgId) ? 1 : 0;
        }
        return purged;
    }

    private boolean remove(String msgId) {
        TaskRecord old = records.remove(msgId);
        if (old != null) {
            forget(old);
        }
        return old != null;
    }

    @Override
    public int purgeAll() {
        int purged = records.size();
        records.clear();
        withRequests.clear();
        bytes = 0;
        requestBytes = 0;
        return purged;
    }

    @Override
    public Map<String, String> submissions() {
        Map<String, String> submitted = new HashMap<>();
        records.values().forEach(record -> submitted.put(record.msgId(), record.submitted()));
        return submitted;
    }

    @Override
    public int size() {
        return records.size();
    }

    @Override
    public void close() {
        records.clear();
    }
}

package org.jparallel.controller.records;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Records in memory, bounded by count and by bytes: when either bound is passed, the oldest records
 * (first finished) go first. The default store; a restarted controller starts empty.
 *
 * <pre>{@code
 * TaskStore store = new MemoryTaskStore(100_000, 1L << 30);   // 100,000 records or 1 GiB
 * }</pre>
 */
public final class MemoryTaskStore implements TaskStore {
    private final int maxRecords;
    private final long maxBytes;
    private final Map<String, TaskRecord> records = new LinkedHashMap<>();
    private long bytes;

    public MemoryTaskStore(int maxRecords, long maxBytes) {
        if (maxRecords < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("a task store holds 1 record and 1 byte or more, not "
                    + maxRecords + " records and " + maxBytes + " bytes");
        }
        this.maxRecords = maxRecords;
        this.maxBytes = maxBytes;
    }

    @Override
    public void put(TaskRecord record) {
        remove(record.msgId());
        records.put(record.msgId(), record);
        bytes += record.bytes();
        Iterator<TaskRecord> oldest = records.values().iterator();
        while ((records.size() > maxRecords || bytes > maxBytes) && oldest.hasNext()) {
            bytes -= oldest.next().bytes();
            oldest.remove();
        }
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
            bytes -= old.bytes();
        }
        return old != null;
    }

    @Override
    public int purgeAll() {
        int purged = records.size();
        records.clear();
        bytes = 0;
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

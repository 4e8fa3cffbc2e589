package org.jparallel.controller.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryTaskStoreTest {

    @Test
    void theOldestRecordsGoFirstPastTheBytes() {
        MemoryTaskStore store = new MemoryTaskStore(100, 3_000);
        for (int i = 0; i < 5; i++) {
            store.put(record("t" + i, 1_000, null));
        }
        assertTrue(store.get("t0").isEmpty());
        assertTrue(store.get("t4").isPresent());
    }

    @Test
    void pastAnEighthOfTheBytesTheOldestRequestsGoButTheirResultsStay() {
        MemoryTaskStore store = new MemoryTaskStore(100, 80_000); // requests: 10,000 bytes
        for (int i = 0; i < 4; i++) {
            store.put(record("t" + i, 10, request(3_000)));
        }
        assertNull(store.get("t0").orElseThrow().request(), "the oldest request went");
        assertNotNull(store.get("t1").orElseThrow().request());
        assertNotNull(store.get("t3").orElseThrow().request());
        assertEquals(4, store.size());
    }

    @Test
    void purgedRecordsFreeTheirRequestsBytes() {
        MemoryTaskStore store = new MemoryTaskStore(100, 80_000);
        store.put(record("a", 10, request(6_000)));
        store.purge(List.of("a"));
        store.put(record("b", 10, request(6_000)));
        assertNotNull(store.get("b").orElseThrow().request());
    }

    @Test
    void recordsDroppedAtTheCountBoundLeaveNoRequestBehind() {
        MemoryTaskStore store = new MemoryTaskStore(100, 1L << 30);
        for (int i = 0; i < 10_000; i++) {
            store.put(record("t" + i, 10, request(400)));
        }
        assertEquals(100, store.size());
        assertEquals(100, store.keptRequests());
        store.purge(List.of("t9999"));
        assertEquals(99, store.keptRequests());
    }

    private static TaskRecord record(String msgId, int resultBytes, KeptRequest request) {
        return new TaskRecord(msgId, "apply_request", "", 0, "ok", "2026-11-27T00:00:00Z", null,
                "2026-11-27T00:00:01Z", "{}", "", "", List.of(new byte[resultBytes]), request);
    }

    private static KeptRequest request(int bytes) {
        return new KeptRequest(new byte[2], new byte[2], new byte[2], List.of(new byte[bytes]));
    }
}

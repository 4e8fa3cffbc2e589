package org.jparallel.controller.records;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteTaskStoreTest {
    @TempDir
    Path dir;

    @Test
    void aRecordKeepsItsRequestForRunningAgain() throws Exception {
        KeptRequest request = new KeptRequest(utf8("{\"msg_id\":\"a\"}"), utf8("{\"retries\":2}"), utf8("{}"),
                List.of(new byte[] {1, 2, 3}));
        try (SqliteTaskStore store = SqliteTaskStore.open(dir.resolve("tasks.db"))) {
            store.put(record("a", request));
        }
        try (SqliteTaskStore store = SqliteTaskStore.open(dir.resolve("tasks.db"))) {
            KeptRequest kept = store.get("a").orElseThrow().request();
            assertEquals("{\"retries\":2}", new String(kept.metadata(), StandardCharsets.UTF_8));
            assertArrayEquals(new byte[] {1, 2, 3}, kept.buffers().get(0));
        }
    }

    @Test
    void aFileOfAnOlderControllerStillOpensAndItsRecordsKeepNoRequest() throws Exception {
        Path file = dir.resolve("tasks.db");
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = db.createStatement()) {
            s.execute("CREATE TABLE tasks (msg_id TEXT PRIMARY KEY, msg_type TEXT, label TEXT, engine_id INTEGER,"
                    + " status TEXT, submitted TEXT, started TEXT, completed TEXT, content TEXT, stdout TEXT,"
                    + " stderr TEXT, buffers BLOB)");
            s.execute("INSERT INTO tasks VALUES ('old', 'apply_request', '', 0, 'ok', '2026-11-01T00:00:00Z', NULL,"
                    + " '2026-11-01T00:00:01Z', '{}', '', '', NULL)");
        }
        try (SqliteTaskStore store = SqliteTaskStore.open(file)) {
            assertNull(store.get("old").orElseThrow().request());
            store.put(record("new", new KeptRequest(utf8("{}"), utf8("{}"), utf8("{}"), List.of())));
            assertEquals(2, store.size());
        }
    }

    @Test
    void findListsTheRecordsAFilterMatches() throws Exception {
        try (SqliteTaskStore store = SqliteTaskStore.open(dir.resolve("tasks.db"))) {
            store.put(record("a", null));
            store.put(new TaskRecord("b", "apply_request", "nightly", 1, "error", "2026-11-27T00:00:02Z", null,
                    "2026-11-27T00:00:03Z", "{\"ename\":\"X\"}", "", "", List.of(new byte[8]), null));

            List<TaskRecord> found = store.find(TaskFilter.of(JsonParser.parseString(
                    "{\"status\": [\"error\"], \"completed\": {\"after\": \"2026-11-27T00:00:02Z\"}}")
                    .getAsJsonObject()));

            assertEquals(List.of("b"), found.stream().map(TaskRecord::msgId).toList());
            assertEquals("nightly", found.get(0).label());
        }
    }

    @Test
    void purgingEverythingGivesTheFilesSpaceBack() throws Exception {
        Path file = dir.resolve("tasks.db");
        try (SqliteTaskStore store = SqliteTaskStore.open(file)) {
            for (int i = 0; i < 8; i++) {
                store.put(new TaskRecord("t" + i, "apply_request", "", 0, "ok", "2026-11-27T00:00:00Z", null,
                        "2026-11-27T00:00:01Z", "{}", "", "", List.of(new byte[1 << 20]), null));
            }
            store.purgeAll();
        }
        assertTrue(Files.size(file) < (1 << 20), Files.size(file) + " bytes");
    }

    private static TaskRecord record(String msgId, KeptRequest request) {
        return new TaskRecord(msgId, "apply_request", "", 0, "ok", "2026-11-27T00:00:00Z", null,
                "2026-11-27T00:00:01Z", "{\"status\":\"ok\"}", "", "", List.of(), request);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

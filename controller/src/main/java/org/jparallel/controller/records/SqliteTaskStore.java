package org.jparallel.controller.records;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Records in a SQLite file ({@code tasks.db} in the profile folder), unbounded, so that a controller
 * started again on the same profile still answers for the tasks its predecessor finished.
 *
 * <p>Write-ahead logging with {@code synchronous=NORMAL}: a record costs an insert without an fsync,
 * since the hub writes one per reply while holding its lock; a power cut may lose the last records,
 * never corrupt the file.
 *
 * <pre>{@code
 * try (TaskStore store = SqliteTaskStore.open(profileDir.resolve("tasks.db"))) {
 *     store.get(msgId);
 * }
 * }</pre>
 */
public final class SqliteTaskStore implements TaskStore {
    private final Connection db;
    private final PreparedStatement insert;
    private final PreparedStatement select;
    private final PreparedStatement delete;

    private SqliteTaskStore(Connection db) throws SQLException {
        this.db = db;
        try (Statement s = db.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=NORMAL");
            s.execute("CREATE TABLE IF NOT EXISTS tasks (msg_id TEXT PRIMARY KEY, msg_type TEXT, label TEXT,"
                    + " engine_id INTEGER, status TEXT, submitted TEXT, started TEXT, completed TEXT, content TEXT,"
                    + " stdout TEXT, stderr TEXT, buffers BLOB)");
            addRequestColumns(s);
        }
        insert = db.prepareStatement("INSERT OR REPLACE INTO tasks (msg_id, msg_type, label, engine_id, status,"
                + " submitted, started, completed, content, stdout, stderr, buffers, request_header, request_metadata,"
                + " request_content, request_buffers) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        select = db.prepareStatement("SELECT msg_id, msg_type, label, engine_id, status, submitted, started, completed,"
                + " content, stdout, stderr, buffers, request_header, request_metadata, request_content, request_buffers"
                + " FROM tasks WHERE msg_id = ?");
        delete = db.prepareStatement("DELETE FROM tasks WHERE msg_id = ?");
    }

    /** The kept requests' columns, added to a file an older controller made: its records keep no request. */
    private static void addRequestColumns(Statement s) throws SQLException {
        Set<String> columns = new HashSet<>();
        try (ResultSet row = s.executeQuery("PRAGMA table_info(tasks)")) {
            while (row.next()) {
                columns.add(row.getString("name"));
            }
        }
        for (String column : List.of("request_header TEXT", "request_metadata TEXT", "request_content TEXT",
                "request_buffers BLOB")) {
            if (!columns.contains(column.substring(0, column.indexOf(' ')))) {
                s.execute("ALTER TABLE tasks ADD COLUMN " + column);
            }
        }
    }

    /**
     * Opens the file, creating it and its table when absent. A new file is mode 0600, as the connection files are:
     * it holds what tasks returned and printed (SQLite gives its journal the file's mode).
     */
    public static SqliteTaskStore open(Path file) throws IOException {
        if (!Files.exists(file) && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        try {
            return new SqliteTaskStore(DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath()));
        } catch (SQLException e) {
            throw new IOException("cannot open the task records at " + file + ": " + e.getMessage()
                    + "; remove the file to start with no records", e);
        }
    }

    @Override
    public void put(TaskRecord r) {
        try {
            insert.setString(1, r.msgId());
            insert.setString(2, r.msgType());
            insert.setString(3, r.label());
            insert.setInt(4, r.engineId());
            insert.setString(5, r.status());
            insert.setString(6, r.submitted());
            insert.setString(7, r.started());
            insert.setString(8, r.completed());
            insert.setString(9, r.content());
            insert.setString(10, r.stdout());
            insert.setString(11, r.stderr());
            insert.setBytes(12, pack(r.buffers()));
            KeptRequest request = r.request();
            insert.setString(13, request == null ? null : text(request.header()));
            insert.setString(14, request == null ? null : text(request.metadata()));
            insert.setString(15, request == null ? null : text(request.content()));
            insert.setBytes(16, request == null ? null : pack(request.buffers()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the record of task " + r.msgId() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<TaskRecord> get(String msgId) {
        try {
            select.setString(1, msgId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new TaskRecord(row.getString(1), row.getString(2), row.getString(3), row.getInt(4),
                        row.getString(5), row.getString(6), row.getString(7), row.getString(8), row.getString(9),
                        row.getString(10), row.getString(11), unpack(row.getBytes(12)), request(row)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the record of task " + msgId + ": " + e.getMessage(), e);
        }
    }

    private static KeptRequest request(ResultSet row) throws SQLException {
        String header = row.getString(13);
        return header == null ? null : new KeptRequest(utf8(header), utf8(row.getString(14)),
                utf8(row.getString(15)), unpack(row.getBytes(16)));
    }

    private static String text(byte[] json) {
        return new String(json, StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public List<TaskRecord> find(TaskFilter filter) {
        List<TaskRecord> found = new ArrayList<>();
        try (Statement s = db.createStatement();
             ResultSet row = s.executeQuery("SELECT msg_id, msg_type, label, engine_id, status, submitted, started,"
                     + " completed, content, stdout, stderr FROM tasks")) {
            while (row.next()) {
                TaskRecord record = new TaskRecord(row.getString(1), row.getString(2), row.getString(3), row.getInt(4),
                        row.getString(5), row.getString(6), row.getString(7), row.getString(8), row.getString(9),
                        row.getString(10), row.getString(11), List.of(), null);
                if (filter.matches(record)) {
                    found.add(record);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot query task records: " + e.getMessage(), e);
        }
        return found;
    }

    @Override
    public int purge(Collection<String> msgIds) {
        int purged = 0;
        try {
            for (String msgId : msgIds) {
                delete.setString(1, msgId);
                purged += delete.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot purge task records: " + e.getMessage(), e);
        }
        return purged;
    }

    @Override
    public int purgeAll() {
        try (Statement s = db.createStatement()) {
            int purged = s.executeUpdate("DELETE FROM tasks");
            // SQLite keeps a file's freed pages for reuse: give them back, as a user purging everything expects;
            // on a connection of its own, since this one's prepared statements count as in progress
            try (Connection vacuum = DriverManager.getConnection(db.getMetaData().getURL());
                 Statement v = vacuum.createStatement()) {
                v.execute("VACUUM");
                v.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
            return purged;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot purge task records: " + e.getMessage(), e);
        }
    }

    @Override
    public Map<String, String> submissions() {
        Map<String, String> submitted = new HashMap<>();
        try (Statement s = db.createStatement();
             ResultSet row = s.executeQuery("SELECT msg_id, submitted FROM tasks")) {
            while (row.next()) {
                submitted.put(row.getString(1), row.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list task records: " + e.getMessage(), e);
        }
        return submitted;
    }

    @Override
    public int size() {
        try (Statement s = db.createStatement(); ResultSet row = s.executeQuery("SELECT COUNT(*) FROM tasks")) {
            return row.next() ? row.getInt(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count task records: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            db.close();
        } catch (SQLException e) {
            // closing: nothing left to save
        }
    }

    /** Buffers as one blob: a count, then each buffer's length and bytes. */
    private static byte[] pack(List<byte[]> buffers) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(buffers.size());
            for (byte[] buffer : buffers) {
                out.writeInt(buffer.length);
                out.write(buffer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static List<byte[]> unpack(byte[] blob) {
        List<byte[]> buffers = new ArrayList<>();
        if (blob == null) {
            return buffers;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(blob))) {
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                byte[] buffer = new byte[in.readInt()];
                in.readFully(buffer);
                buffers.add(buffer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a task record's buffers are cut", e);
        }
        return buffers;
    }
}

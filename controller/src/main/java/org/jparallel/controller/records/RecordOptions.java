package org.jparallel.controller.records;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a controller keeps its task records: {@code memory} (bounded, the default) or {@code sqlite}
 * (a file in the profile folder, so a restarted controller still answers for finished tasks).
 *
 * <pre>{@code
 * new RecordOptions("sqlite", 100_000, 1L << 30).open(profileDir.dir());   // profile_default/tasks.db
 * }</pre>
 *
 * @param db         {@code memory} or {@code sqlite}
 * @param maxRecords the most records kept in memory; the oldest go first
 * @param maxBytes   the most bytes (results and output) kept in memory; the oldest go first
 */
public record RecordOptions(String db, int maxRecords, long maxBytes) {
    /** The file name of the SQLite store inside the profile folder. */
    public static final String SQLITE_FILE = "tasks.db";

    public RecordOptions {
        db = db.toLowerCase(Locale.ROOT);
        if (!db.equals("memory") && !db.equals("sqlite")) {
            throw new IllegalArgumentException("the task store is 'memory' or 'sqlite', not '" + db + "'");
        }
    }

    /** In memory: 100,000 records, and {@link #defaultMaxBytes()}. */
    public static RecordOptions defaults() {
        return new RecordOptions("memory", 100_000, defaultMaxBytes());
    }

    /**
     * 1 GiB, or a quarter of this JVM's heap if less: a controller whose heap is the JDK's default (a quarter of the
     * machine's memory, 1 GiB on a 4 GB machine) filled it with records of 1 MiB pull replies, and lost every engine
     * to "Java heap space".
     */
    public static long defaultMaxBytes() {
        return Math.min(1L << 30, Runtime.getRuntime().maxMemory() / 4);
    }

    /** Opens the store; a SQLite store opens (or creates) {@value #SQLITE_FILE} in {@code profileDir}. */
    public TaskStore open(Path profileDir) throws IOException {
        return db.equals("sqlite") ? SqliteTaskStore.open(profileDir.resolve(SQLITE_FILE))
                : new MemoryTaskStore(maxRecords, maxBytes);
    }
}

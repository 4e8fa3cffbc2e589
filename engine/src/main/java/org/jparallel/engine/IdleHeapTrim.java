package org.jparallel.engine;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.ThreadMXBean;
import com.sun.management.VMOption;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the engine's heap in shape: collected when it grows without collections, and given back to the system
 * once the engine has gone quiet after work.
 *
 * <p>Why heap that grows without collections: G1 starts its mixed collections with the next young collection
 * after a concurrent cycle, and a young collection comes when eden fills. An engine whose work is big arrays
 * (results of 80 MB, values pushed and pulled) allocates nearly nothing else, so eden did not fill for seconds:
 * one engine ran no collection at all while it made 12 arrays of 80 MB, each growing the heap on fresh memory
 * (1 GB in use at the end, transfers 2–5× slower). So when the heap has grown by {@link #UNCOLLECTED_GROWTH}
 * since the last collection, G1's periodic collection ({@code G1PeriodicGCInterval}, a manageable flag) is
 * switched on until the next one. Switched on whenever the engine worked, it also ended that (in a probe of 12
 * such transfers, 4 runs each way: no engine above 186 MB, where one ended every run at 980 MB), but the
 * collections it added in a cluster's first minute made a 4-engine execute 7 ms slower.
 *
 * <p>A JVM keeps the heap it grew to, and a dropped value is freed only by the next collection, so
 * an engine that held an 80 MB array, or ran thousands of tasks, stayed at 3–5× its idle size.
 * Shrinking after every collection instead ({@code -XX:MaxHeapFreeRatio=30} for good) made
 * collections churn while big values came and went. So the heap may stay large while the engine
 * works, and once its threads have used almost no CPU for {@link #QUIET} after some collection or
 * growth, one full collection runs with a tight {@code MaxHeapFreeRatio} (a manageable flag, set
 * for that collection only), which uncommits what the live objects do not need.
 *
 * <pre>{@code
 * IdleHeapTrim.start();   // a daemon thread; nothing to stop
 * }</pre>
 */
final class IdleHeapTrim {
    private static final Logger LOG = Logger.getLogger(IdleHeapTrim.class.getName());
    static final Duration CHECK = Duration.ofMillis(500);
    static final Duration QUIET = Duration.ofMillis(1500);
    /**
     * An engine whose threads use less than this share of one core is idle: heartbeats and timers cost ~0.1%.
     * The JIT's and the collector's threads do not count: after a burst of work the JIT may compile for seconds
     * more (4 engines measured at 73–79 MB instead of 64 two seconds after their last task), and that is not work
     * the heap has to stay large for.
     */
    private static final double IDLE_CPU_SHARE = 0.03;
    /** Free heap the trimming collection leaves, in percent of the heap. */
    private static final String TRIM_MAX_FREE_RATIO = "10";
    /** Heap growth since the last trim that is worth a collection even without a collection since. */
    private static final long GROWTH_BYTES = 8L << 20;
    static final String PERIODIC_COLLECTION = "G1PeriodicGCInterval";
    static final long PERIODIC_COLLECTION_MILLIS = 500;
    /** Heap growth without a collection that shows the engine allocates big arrays and little else. */
    static final long UNCOLLECTED_GROWTH = 64L << 20;

    private final HotSpotDiagnosticMXBean flags = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final ThreadMXBean threads = ManagementFactory.getPlatformMXBean(ThreadMXBean.class);
    private long lastCpuNanos = cpuNanos();
    private long quietSinceNanos = System.nanoTime();
    private long collectionsAtTrim = -1; // -1: the start-up's work has not been trimmed yet
    private long committedAtTrim;
    private final boolean ownsPeriodicCollection = periodicCollectionIsDefault();
    private boolean collectingPeriodically;
    private final UncollectedGrowth growth = new UncollectedGrowth(UNCOLLECTED_GROWTH);

    private IdleHeapTrim() {
    }

    /** Starts checking in a daemon thread of its own, unless explicit collections are disabled. */
    static void start() {
        IdleHeapTrim trim = new IdleHeapTrim();
        if (Boolean.parseBoolean(trim.flags.getVMOption("DisableExplicitGC").getValue())) {
            return;
        }
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jparallel-engine-heap-trim");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
        thread.scheduleWithFixedDelay(trim::check, CHECK.toMillis(), CHECK.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void check() {
        try {
            long now = System.nanoTime();
            long cpu = cpuNanos();
            boolean busy = cpu - lastCpuNanos > IDLE_CPU_SHARE * CHECK.toNanos(); // a thread that ended: not busy
            lastCpuNanos = cpu;
            collectPeriodically(growth.observe(collections(), Runtime.getRuntime().totalMemory()));
            if (busy) {
                quietSinceNanos = now;
                return;
            }
            if (now - quietSinceNanos >= QUIET.toNanos() && worthTrimming()) {
                trim();
                lastCpuNanos = cpuNanos(); // the collection's own CPU is not the user's work
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "heap trim skipped", e);
        }
    }

    /** Whether the user left G1's periodic collection alone (a JVM without G1's flag: no, nothing to switch). */
    private boolean periodicCollectionIsDefault() {
        try {
            return flags.getVMOption(PERIODIC_COLLECTION).getOrigin() == VMOption.Origin.DEFAULT;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void collectPeriodically(boolean on) {
        if (ownsPeriodicCollection && on != collectingPeriodically) {
            flags.setVMOption(PERIODIC_COLLECTION, on ? String.valueOf(PERIODIC_COLLECTION_MILLIS) : "0");
            collectingPeriodically = on;
        }
    }

    private boolean worthTrimming() {
        return collections() != collectionsAtTrim || Runtime.getRuntime().totalMemory() > committedAtTrim + GROWTH_BYTES;
    }

    private void trim() {
        String minFree = flags.getVMOption("MinHeapFreeRatio").getValue();
        String maxFree = flags.getVMOption("MaxHeapFreeRatio").getValue();
        try {
            // The JVM rejects a maximum below the minimum, so the minimum goes down first.
            flags.setVMOption("MinHeapFreeRatio", "0");
            flags.setVMOption("MaxHeapFreeRatio", TRIM_MAX_FREE_RATIO);
            System.gc();
        } finally {
            flags.setVMOption("MaxHeapFreeRatio", maxFree);
            flags.setVMOption("MinHeapFreeRatio", minFree);
        }
        collectionsAtTrim = collections();
        committedAtTrim = Runtime.getRuntime().totalMemory();
    }

    private long collections() {
        long count = 0;
        for (GarbageCollectorMXBean collector : collectors) {
            count += Math.max(0, collector.getCollectionCount());
        }
        return count;
    }

    /** The CPU time of the engine's own threads alive now (compiler and GC threads are not among them). */
    private long cpuNanos() {
        long total = 0;
        for (long cpu : threads.getThreadCpuTime(threads.getAllThreadIds())) {
            total += Math.max(0, cpu);
        }
        return total;
    }
}

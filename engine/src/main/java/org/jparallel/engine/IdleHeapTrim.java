package org.jparallel.engine;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.ThreadMXBean;
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
 * Gives heap back to the system once an engine has gone quiet after work.
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

    private final HotSpotDiagnosticMXBean flags = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final ThreadMXBean threads = ManagementFactory.getPlatformMXBean(ThreadMXBean.class);
    private long lastCpuNanos = cpuNanos();
    private long quietSinceNanos = System.nanoTime();
    private long collectionsAtTrim = -1; // -1: the start-up's work has not been trimmed yet
    private long committedAtTrim;

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

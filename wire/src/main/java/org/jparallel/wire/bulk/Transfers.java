package org.jparallel.wire.bulk;

import java.util.Locale;

/** How a transfer is described in logs. */
final class Transfers {
    private Transfers() {
    }

    static String describe(long bytes, long nanos) {
        double seconds = Math.max(nanos, 1) / 1e9;
        return String.format(Locale.ROOT, "%.1f ms (%.2f GB/s)", seconds * 1e3, bytes / seconds / 1e9);
    }
}

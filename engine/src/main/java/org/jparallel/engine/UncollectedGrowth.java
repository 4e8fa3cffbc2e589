package org.jparallel.engine;

/**
 * Whether the heap has grown by a threshold since the last collection: the sign of an engine that allocates big
 * arrays and little else, whose eden never fills (see {@link IdleHeapTrim}).
 *
 * <pre>{@code
 * UncollectedGrowth growth = new UncollectedGrowth(64L << 20);
 * growth.observe(3, 100L << 20);   // false: the first look sets the baseline
 * growth.observe(3, 180L << 20);   // true: 80 MB more, still 3 collections
 * growth.observe(4, 180L << 20);   // false: a collection came
 * }</pre>
 */
final class UncollectedGrowth {
    private final long threshold;
    private long collectionsSeen = -1;
    private long committedAtCollection;

    UncollectedGrowth(long threshold) {
        this.threshold = threshold;
    }

    /**
     * @param collections the collections so far
     * @param committed   the heap's committed bytes now
     */
    boolean observe(long collections, long committed) {
        if (collections != collectionsSeen) {
            collectionsSeen = collections;
            committedAtCollection = committed;
        }
        return committed - committedAtCollection >= threshold;
    }
}

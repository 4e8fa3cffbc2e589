package org.jparallel.client;

/**
 * How a load-balanced {@code map} cuts its sequence and returns its results.
 *
 * <pre>{@code
 * var ar = lv.map(x -> slow(x), range(100), MapOptions.chunksize(10).unordered());
 * for (var r : ar) { ... }   // in the order results arrive
 * }</pre>
 *
 * @param chunksize how many elements each task takes
 * @param ordered   whether results come back in the order of the sequence (else as they arrive)
 */
public record MapOptions(int chunksize, boolean ordered) {

    /** One element per task, results in order. */
    public static final MapOptions DEFAULT = new MapOptions(1, true);

    public MapOptions {
        if (chunksize < 1) {
            throw new IllegalArgumentException("chunksize " + chunksize + " must be at least 1");
        }
    }

    /** Ordered results, {@code n} elements per task. */
    public static MapOptions chunksize(int n) {
        return new MapOptions(n, true);
    }

    /** These options, with results in the order they arrive. */
    public MapOptions unordered() {
        return new MapOptions(chunksize, false);
    }

    /** These options, with results in the order of the sequence. */
    public MapOptions inOrder() {
        return new MapOptions(chunksize, true);
    }
}

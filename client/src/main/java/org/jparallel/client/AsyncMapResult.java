package org.jparallel.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;

/**
 * The result of a {@code map}: a list of the function's values, which can also be iterated while tasks are
 * still running: each element comes as soon as its task has answered, in sequence order, or in the order
 * tasks finish for an unordered map.
 *
 * <pre>{@code
 * AsyncMapResult<Integer> squares = rc.all().map(x -> x * x, range(10));
 * for (int s : squares) {
 *     System.out.println(s);        // 0, 1, 4, … as engines finish
 * }
 * squares.get();                    // [0, 1, 4, 9, 16, 25, 36, 49, 64, 81]
 * }</pre>
 *
 * @param <R> the function's value
 */
public final class AsyncMapResult<R> extends AsyncResult<List<R>> implements Iterable<R> {
    private final boolean ordered;
    private final int[] chunkLengths;

    /**
     * Each task's reply holds the list of values of its chunk.
     *
     * @param chunkLengths how many elements of the sequence each task was given
     */
    AsyncMapResult(String method, List<String> msgIds, List<Integer> targets, ReplyReader reader, boolean ordered,
                   int[] chunkLengths, Aborter aborter) {
        super(method, msgIds, targets, reader, AsyncMapResult::concat, true, aborter);
        this.ordered = ordered;
        this.chunkLengths = chunkLengths.clone();
    }

    @SuppressWarnings("unchecked")
    private static <R> List<R> concat(List<Object> chunks) {
        List<R> all = new ArrayList<>();
        for (Object chunk : chunks) {
            all.addAll((List<R>) chunk);
        }
        return all;
    }

    /** Whether {@link #get()} and the iterator follow the sequence's order (else the order of arrival). */
    public boolean ordered() {
        return ordered;
    }

    @Override
    List<Integer> order() {
        return ordered ? super.order() : board().arrival();
    }

    @Override
    @SuppressWarnings("unchecked")
    List<Object> elementsOf(int index, Object value) {
        return (List<Object>) value;
    }

    @Override
    int width(int index) {
        return chunkLengths[index];
    }

    /** The values, each as soon as it is there; a failed task throws its {@link RemoteError} when reached. */
    @Override
    public Iterator<R> iterator() {
        return new Iterator<>() {
            private int tasksSeen;
            private Iterator<R> chunk = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!chunk.hasNext() && tasksSeen < size()) {
                    chunk = chunk(nextTask());
                    tasksSeen++;
                }
                return chunk.hasNext();
            }

            @Override
            public R next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return chunk.next();
            }

            private int nextTask() {
                if (ordered) {
                    board().awaitTask(tasksSeen, AsyncMapResult.this.toString());
                    checkLost();
                    return tasksSeen;
                }
                int index = board().awaitArrival(tasksSeen + 1, AsyncMapResult.this.toString());
                checkLost();
                return index;
            }
        };
    }

    private void checkLost() {
        if (board().isCancelled()) {
            throw new CancellationException(this + " was cancelled");
        }
        RuntimeException failure = board().failure();
        if (failure != null) {
            throw failure;
        }
    }

    @SuppressWarnings("unchecked")
    private Iterator<R> chunk(int task) {
        return ((List<R>) decoded(task)).iterator();
    }
}

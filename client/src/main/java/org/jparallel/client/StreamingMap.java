package org.jparallel.client;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The results of a load-balanced map over inputs that are consumed as the results are: ipyparallel's
 * {@code imap}. At most {@code maxOutstanding} tasks run or wait at a time (one per engine unless said), so an
 * input too big to hold, or without end, flows through the cluster. Iterate it once; a task that failed throws
 * its {@link RemoteError} when its turn comes, and the iteration may go on after it. Closing it aborts the tasks
 * still outstanding and consumes no more input. One thread iterates it, as any iterator.
 *
 * <pre>{@code
 * try (var lengths = lv.imap((String line) -> line.length(), Files.readAllLines(log))) {
 *     for (int n : lengths) { ... }                                  // in input order
 * }
 * lv.imapUnordered(x -> slow(x), range(1000), 8).stream().forEach(System.out::println);   // as they finish
 * }</pre>
 *
 * @param <R> the function's result
 */
public final class StreamingMap<R> implements Iterator<R>, Iterable<R>, AutoCloseable {
    private final Iterator<?> inputs;
    private final Function<Object, AsyncResult<R>> submit;
    private final boolean ordered;
    private final int maxOutstanding;
    /** Submitted and not handed out yet, in submission order. */
    private final Deque<AsyncResult<R>> outstanding = new ArrayDeque<>();
    /** Unordered: the outstanding ones that finished, in the order they did. */
    private final BlockingQueue<AsyncResult<R>> finished = new LinkedBlockingQueue<>();
    private boolean closed;

    /**
     * @param maxOutstanding how many tasks may be unfinished at a time; 0 for no limit (the whole input at once)
     */
    StreamingMap(Iterator<?> inputs, Function<Object, AsyncResult<R>> submit, boolean ordered, int maxOutstanding) {
        if (maxOutstanding < 0) {
            throw new IllegalArgumentException("maxOutstanding " + maxOutstanding + " must be 0 (no limit) or more");
        }
        this.inputs = inputs;
        this.submit = submit;
        this.ordered = ordered;
        this.maxOutstanding = maxOutstanding;
    }

    @Override
    public boolean hasNext() {
        submitWhileRoom();
        return !outstanding.isEmpty();
    }

    /**
     * The next result: in input order, or the next to finish when unordered; waits for it.
     *
     * @throws RemoteError          what the function threw on that input
     * @throws NoSuchElementException when every input has had its result
     */
    @Override
    public R next() {
        if (!hasNext()) {
            throw new NoSuchElementException(closed ? "this map was closed" : "every input has had its result");
        }
        try (CellWait cell = CellWait.stopping(this::stop)) {
            AsyncResult<R> next = ordered ? outstanding.removeFirst() : takeFinished();
            return next.get();
        }
    }

    /** Stops every task outstanding, running ones too: what interrupting a notebook cell that iterates does. */
    private void stop() {
        closed = true;
        for (AsyncResult<R> result : outstanding) {
            result.cancel(true);
        }
    }

    /** Itself: a map's results can be iterated once. */
    @Override
    public Iterator<R> iterator() {
        return this;
    }

    /** The results as a stream; closing the stream closes this map. */
    public Stream<R> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, ordered ? Spliterator.ORDERED : 0), false)
                .onClose(this::close);
    }

    /** Aborts the tasks still outstanding; no more input is consumed. */
    @Override
    public void close() {
        closed = true;
        for (AsyncResult<R> result : outstanding) {
            if (!result.ready()) {
                result.abort();
            }
        }
        outstanding.clear();
        finished.clear();
    }

    private void submitWhileRoom() {
        while (!closed && (maxOutstanding == 0 || unfinished() < maxOutstanding) && inputs.hasNext()) {
            AsyncResult<R> result = submit.apply(inputs.next());
            outstanding.addLast(result);
            if (!ordered) {
                result.onDone(() -> finished.add(result));
            }
        }
    }

    private int unfinished() {
        int count = 0;
        for (AsyncResult<R> result : outstanding) {
            if (!result.ready()) {
                count++;
            }
        }
        return count;
    }

    private AsyncResult<R> takeFinished() {
        try {
            AsyncResult<R> done = finished.take();
            outstanding.remove(done);
            return done;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("interrupted while waiting for the next result of a streaming map");
        }
    }
}

package org.jparallel.client.it;

import static org.jparallel.client.Parallel.range;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jparallel.client.Client;
import org.jparallel.client.LoadBalancedView;
import org.jparallel.client.RemoteError;
import org.jparallel.client.StreamingMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code imap} and {@code imapUnordered} on a real two-engine cluster: inputs taken as results are. */
class StreamingMapTest {
    @RegisterExtension
    static final SharedCluster cluster = SharedCluster.engines(2);
    final Client rc = cluster.client();
    final LoadBalancedView lv = rc.loadBalancedView();

    /** The integers 0 .. size-1, counting how many have been taken. */
    private static final class CountedInput implements Iterable<Integer> {
        final AtomicInteger taken = new AtomicInteger();
        final int size;

        CountedInput(int size) {
            this.size = size;
        }

        @Override
        public Iterator<Integer> iterator() {
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return taken.get() < size;
                }

                @Override
                public Integer next() {
                    return taken.getAndIncrement();
                }
            };
        }
    }

    @Test
    void resultsComeInInputOrderWhileInputIsTakenOnlyAsFarAsTheLimit() {
        CountedInput input = new CountedInput(20);
        // Slow enough that no task ends while the first three are sent: the limit counts unfinished tasks, so one
        // that ended at once would rightly let a fourth input in.
        try (StreamingMap<Integer> squares = lv.imap((Integer x) -> {
            Thread.sleep(200);
            return x * x;
        }, input, 3)) {
            assertEquals(0, squares.next());
            assertEquals(3, input.taken.get(), "three tasks outstanding before the first result was handed out");
            List<Integer> rest = new ArrayList<>();
            squares.forEachRemaining(rest::add);
            List<Integer> expected = new ArrayList<>();
            for (int x = 1; x < 20; x++) {
                expected.add(x * x);
            }
            assertEquals(expected, rest);
        }
    }

    @Test
    void unorderedHandsOutEveryResult() {
        Set<Integer> results = new HashSet<>();
        lv.imapUnordered((Integer x) -> {
            Thread.sleep(20L * (10 - x));
            return x;
        }, range(10)).forEach(results::add);
        assertEquals(new HashSet<>(range(10)), results);
    }

    @Test
    void aFailedInputThrowsInItsTurnAndTheRestFollow() {
        StreamingMap<Integer> results = lv.imap((Integer x) -> {
            if (x == 2) {
                throw new IllegalStateException("two");
            }
            return x;
        }, range(5));
        assertEquals(0, results.next());
        assertEquals(1, results.next());
        RemoteError e = assertThrows(RemoteError.class, results::next);
        assertEquals("java.lang.IllegalStateException", e.remoteClassName());
        assertEquals(3, results.next());
        assertEquals(4, results.next());
        assertFalse(results.hasNext());
    }

    @Test
    void closingTakesNoMoreInput() throws InterruptedException {
        CountedInput input = new CountedInput(1000);
        try (StreamingMap<Integer> slow = lv.imap((Integer x) -> {
            Thread.sleep(100);
            return x;
        }, input)) {
            assertEquals(0, slow.next());
        }
        int taken = input.taken.get();
        assertTrue(taken <= 3, "one task per engine outstanding: " + taken + " taken");
        Thread.sleep(300);
        assertEquals(taken, input.taken.get());
        assertEquals(List.of(0, 2, 4), lv.imap((Integer x) -> x * 2, range(3)).stream().toList(),
                "the cluster serves on after the aborted tasks");
    }
}

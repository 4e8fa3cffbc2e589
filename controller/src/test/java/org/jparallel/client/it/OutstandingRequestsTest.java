package org.jparallel.client.it;

import static org.jparallel.client.Parallel.label;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jparallel.client.AsyncResult;
import org.jparallel.client.Client;
import org.jparallel.client.LoadBalancedView;
import org.jparallel.client.TaskAbortedError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** ipyparallel's {@code rc.outstanding} and {@code rc.wait()}: what a client still waits for, and waiting for it all. */
class OutstandingRequestsTest {
    @RegisterExtension
    static final SharedCluster cluster = SharedCluster.engines(2);
    final Client rc = cluster.client();
    final LoadBalancedView lv = rc.loadBalancedView();

    @Test
    void unfinishedTaskIsOutstandingUntilItEnds() {
        AsyncResult<Integer> slow = lv.apply(() -> {
            Thread.sleep(500);
            return 1;
        });
        assertTrue(rc.outstanding().containsAll(slow.msgIds()), rc.outstanding().toString());

        assertTrue(rc.waitForAll(Duration.ofSeconds(30)));

        assertTrue(slow.ready());
        assertFalse(rc.outstanding().contains(slow.msgIds().get(0)));
    }

    @Test
    void waitingForAllIncludesResultsNobodyKept() {
        for (int i = 0; i < 20; i++) {
            lv.apply(() -> {
                Thread.sleep(50);
                return 1;
            });
        }
        assertTrue(rc.waitForAll(Duration.ofSeconds(30)));
        assertEquals(Set.of(), rc.outstanding());
    }

    @Test
    void waitingForAllGivesUpAtItsTimeout() {
        AsyncResult<Integer> slow = lv.apply(() -> {
            Thread.sleep(3_000);
            return 1;
        });
        assertFalse(rc.waitForAll(Duration.ofMillis(200)));
        assertFalse(slow.ready());
        assertEquals(1, slow.get());
    }

    @Test
    void closingTheClientEndsAWaitForAllAsItEndsAResultsGet() throws Exception {
        Client closing = cluster.connect();
        closing.loadBalancedView().apply(() -> {
            Thread.sleep(3_000);
            return 1;
        });
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(
                () -> closing.waitForAll(Duration.ofSeconds(30)));
        Thread.sleep(300);
        closing.close();

        ExecutionException e = assertThrows(ExecutionException.class,
                () -> waiting.get(10, TimeUnit.SECONDS));
        assertEquals("this client was closed: connect again with Client.connect(\"it\")", e.getCause().getMessage());
    }

    @Test
    void waitInteractiveCountsTheRequestsAnsweredThenSaysDone() {
        List<AsyncResult<Integer>> naps = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            naps.add(lv.apply(() -> {
                Thread.sleep(300);
                return 1;
            }));
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            rc.waitInteractive();
        } finally {
            System.setOut(stdout);
        }
        String text = printed.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("   4/4 tasks finished after") && text.endsWith("done\n"), text);
        assertTrue(naps.stream().allMatch(AsyncResult::ready));
    }

    @Test
    void aViewsOutstandingRequestsAreItsOwn() {
        LoadBalancedView other = rc.loadBalancedView();
        AsyncResult<Integer> slow = lv.apply(() -> {
            Thread.sleep(500);
            return 1;
        });

        assertEquals(Set.copyOf(slow.msgIds()), lv.outstanding());
        assertEquals(Set.of(), other.outstanding());
        assertTrue(lv.waitForAll(Duration.ofSeconds(30)));
        assertEquals(Set.of(), lv.outstanding());
    }

    @Test
    void aViewWaitsForItsOwnTasksOnly() {
        AsyncResult<Integer> slow = rc.engine(0).apply(() -> {
            Thread.sleep(3_000);
            return 1;
        });
        var engine1 = rc.engine(1);
        AsyncResult<Integer> quick = engine1.apply(() -> 2);

        assertTrue(engine1.waitForAll(Duration.ofSeconds(30)));

        assertTrue(quick.ready());
        assertFalse(slow.ready());
        assertEquals(1, slow.get());
    }

    @Test
    void aViewMadeWithFlagsSharesItsParentsTasks() {
        AsyncResult<Integer> labelled = lv.withFlags(label("nap")).apply(() -> {
            Thread.sleep(300);
            return 1;
        });
        assertTrue(lv.outstanding().containsAll(labelled.msgIds()));
        assertTrue(lv.waitForAll(Duration.ofSeconds(30)));
        assertTrue(labelled.ready());
    }

    @Test
    void abortingAViewAbortsItsQueuedTasksAndNoOtherViews() {
        List<AsyncResult<Integer>> naps = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            naps.add(lv.apply(() -> {
                Thread.sleep(400);
                return 1;
            }));
        }
        AsyncResult<Integer> another = rc.loadBalancedView().apply(() -> 2);

        lv.abort();

        assertEquals(2, another.get());
        long aborted = naps.stream().filter(ar -> {
            ar.waitFor(Duration.ofSeconds(30));
            return !ar.successful();
        }).count();
        assertTrue(aborted >= 2, aborted + " of 6 tasks were aborted; two engines ran at most 2 (or 4) of them");
        assertThrows(TaskAbortedError.class, () -> naps.get(5).get());
    }

    @Test
    void aDirectViewsQueueStatusShowsItsEnginesOnly() {
        assertEquals(Set.of(1), rc.view(1).queueStatus().engines().keySet());
        assertEquals(Set.of(0), rc.engine(0).queueStatus().engines().keySet());
        assertEquals(Set.of(0, 1), rc.loadBalancedView().queueStatus().engines().keySet());
    }
}

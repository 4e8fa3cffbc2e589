package org.jparallel.client.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jparallel.client.AsyncResult;
import org.jparallel.client.Client;
import org.jparallel.client.LoadBalancedView;
import org.jparallel.client.RemoteError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Results composed as {@link CompletableFuture}s, and callbacks that must not wait on the socket thread. */
class ComposedResultsTest {
    @RegisterExtension
    static final SharedCluster cluster = SharedCluster.engines(2);
    final Client rc = cluster.client();
    final LoadBalancedView lv = rc.loadBalancedView();

    @Test
    void twoResultsCombineIntoOne() throws Exception {
        CompletableFuture<Integer> a = lv.apply(() -> 20).toCompletableFuture();
        CompletableFuture<Integer> b = lv.apply(() -> 22).toCompletableFuture();
        assertEquals(42, a.thenCombine(b, Integer::sum).get(30, TimeUnit.SECONDS));
    }

    @Test
    void failedTaskCompletesExceptionallyWithItsRemoteError() {
        CompletableFuture<Integer> failing = lv.apply(() -> Integer.parseInt("forty-two")).toCompletableFuture();
        ExecutionException e = assertThrows(ExecutionException.class, () -> failing.get(30, TimeUnit.SECONDS));
        RemoteError remote = assertInstanceOf(RemoteError.class, e.getCause());
        assertEquals("java.lang.NumberFormatException", remote.remoteClassName());
    }

    @Test
    void valueTheEngineKeepsIsFetchedForAStage() throws Exception {
        // 8 MB: the reply says "held" and the value is fetched through the client's socket thread
        CompletableFuture<Integer> length = lv.apply(() -> new double[1_000_000]).toCompletableFuture()
                .thenApply(array -> array.length);
        assertEquals(1_000_000, length.get(60, TimeUnit.SECONDS));
    }

    @Test
    void cancellingTheFutureCancelsTheResult() {
        AsyncResult<Integer> slow = lv.apply(() -> {
            Thread.sleep(60_000);
            return 1;
        });
        assertTrue(slow.toCompletableFuture().cancel(true));
        assertTrue(slow.isCancelled());
        rc.all().interrupt();
    }

    @Test
    void callbackWaitingForAnotherResultIsRefusedInsteadOfHanging() throws Exception {
        AsyncResult<Integer> slow = lv.apply(() -> {
            Thread.sleep(2_000);
            return 1;
        });
        CompletableFuture<Throwable> refusal = new CompletableFuture<>();
        CountDownLatch ran = new CountDownLatch(1);
        lv.apply(() -> 0).onDone(() -> {
            try {
                slow.get();
            } catch (RuntimeException e) {
                refusal.complete(e);
            } finally {
                ran.countDown();
            }
        });
        assertTrue(ran.await(30, TimeUnit.SECONDS), "the callback never returned");
        IllegalStateException refused = assertInstanceOf(IllegalStateException.class, refusal.getNow(null));
        assertTrue(refused.getMessage().contains("socket thread"), refused.getMessage());
        assertEquals(1, slow.get());
    }
}

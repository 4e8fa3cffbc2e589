package org.jparallel.client.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.jparallel.client.AsyncResult;
import org.jparallel.client.Client;
import org.jparallel.client.Fn0;
import org.jparallel.client.RemoteError;
import org.jparallel.client.TaskFuture;
import org.jparallel.client.RemoteRunnable;
import org.jparallel.client.TaskAbortedError;
import org.jparallel.client.ViewExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A view as an {@code ExecutorService}: ipyparallel's {@code view.executor}. */
class ViewExecutorTest {
    @RegisterExtension
    static final SharedCluster cluster = SharedCluster.engines(2);
    final Client rc = cluster.client();

    @Test
    void aSubmittedLambdaRunsOnAnEngine() throws Exception {
        try (ViewExecutor executor = rc.executor()) {
            Future<Long> pid = executor.submit(() -> ProcessHandle.current().pid());
            assertNotEquals(ProcessHandle.current().pid(), pid.get(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void anExecutedLambdaRunsOnTheEngineOfTheView() {
        try (ViewExecutor executor = rc.engine(0).executor()) {
            executor.execute(() -> System.setProperty("jparallel.executed", "yes"));
        }
        assertEquals("yes", rc.engine(0).applySync(() -> System.getProperty("jparallel.executed")));
    }

    @Test
    void aSerializableCallableClassRuns() throws Exception {
        try (ViewExecutor executor = rc.executor()) {
            assertEquals(42, executor.submit(new Answer()).get(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void aCallableThatIsNotSerializableIsRefusedWithWhatToDo() {
        Callable<Integer> local = () -> 1;
        try (ViewExecutor executor = rc.executor()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> executor.submit(local));
            assertTrue(e.getMessage().contains("not Serializable") && e.getMessage().contains("Fn0<T>"),
                    e.getMessage());
        }
    }

    @Test
    void aRunnableWithAResultGivesThatResult() throws Exception {
        String result = "the same object";
        try (ViewExecutor executor = rc.executor()) {
            RemoteRunnable nothing = () -> { };
            assertSame(result, executor.submit((Runnable) nothing, result).get(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void invokeAllGivesEveryValueInOrder() throws Exception {
        try (ViewExecutor executor = rc.executor()) {
            List<Future<Integer>> squares = executor.invokeAll(List.<Fn0<Integer>>of(() -> 1, () -> 4, () -> 9));
            assertEquals(List.of(1, 4, 9), squares.stream().map(f -> ((TaskFuture<Integer>) f).asyncResult().get()).toList());
        }
    }

    @Test
    void invokeAllRefusesATaskThatCannotTravelBeforeSendingAny() {
        Callable<Integer> local = () -> 2;
        try (ViewExecutor executor = rc.executor()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> executor.invokeAll(List.of(new Answer(), local)));
            assertTrue(e.getMessage().startsWith("tasks[1]"), e.getMessage());
            assertEquals("<ViewExecutor on <LoadBalancedView scheduled by the controller>: 0 unfinished>",
                    executor.toString());
        }
    }

    @Test
    void invokeAllPastItsTimeoutCancelsTheLateTasks() throws Exception {
        try (ViewExecutor executor = rc.engine(0).executor()) {
            List<Future<Integer>> results = executor.invokeAll(List.<Fn0<Integer>>of(() -> 1, () -> {
                Thread.sleep(60_000);
                return 2;
            }), 2, TimeUnit.SECONDS);
            assertEquals(1, results.get(0).get());
            assertTrue(results.get(1).isCancelled());
        }
    }

    @Test
    void invokeAnyGivesTheValueOfATaskThatSucceeded() throws Exception {
        try (ViewExecutor executor = rc.executor()) {
            assertEquals(7, executor.invokeAny(List.<Fn0<Integer>>of(() -> Integer.parseInt("seven"), () -> 7)));
        }
    }

    @Test
    void invokeAnyWhereEveryTaskFailsThrowsWithTheRemoteError() {
        try (ViewExecutor executor = rc.executor()) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> executor.invokeAny(
                    List.<Fn0<Integer>>of(() -> Integer.parseInt("one"), () -> Integer.parseInt("two"))));
            assertEquals("java.lang.NumberFormatException",
                    assertInstanceOf(RemoteError.class, e.getCause()).remoteClassName());
        }
    }

    @Test
    void aFailedTasksFutureThrowsExecutionExceptionAsAPoolsDoes() {
        try (ViewExecutor executor = rc.executor()) {
            Future<Integer> parsed = executor.submit(() -> Integer.parseInt("nine"));
            ExecutionException e = assertThrows(ExecutionException.class, parsed::get);
            assertEquals("java.lang.NumberFormatException",
                    assertInstanceOf(RemoteError.class, e.getCause()).remoteClassName());
            assertThrows(ExecutionException.class, () -> parsed.get(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void anInterruptedWaitOnAFutureThrowsInterruptedExceptionAndLeavesTheTask() throws Exception {
        try (ViewExecutor executor = rc.executor()) {
            TaskFuture<Integer> slow = executor.submit(() -> {
                Thread.sleep(1_000);
                return 5;
            });
            Thread.currentThread().interrupt();
            assertThrows(InterruptedException.class, slow::get);
            assertFalse(Thread.currentThread().isInterrupted(), "the interrupt is taken by the exception");
            assertEquals(5, slow.get(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void aShutDownExecutorRefusesTasksAndTerminatesOnceItsTasksEnd() throws Exception {
        ViewExecutor executor = rc.executor();
        executor.submit(() -> {
            Thread.sleep(1_000);
            return 1;
        });
        executor.shutdown();
        assertThrows(RejectedExecutionException.class, () -> executor.submit(() -> 2));
        assertFalse(executor.isTerminated());
        assertTrue(executor.awaitTermination(30, TimeUnit.SECONDS));
        assertTrue(executor.isTerminated());
        assertEquals(2, rc.loadBalancedView().applySync(() -> 2), "the view goes on");
    }

    @Test
    void shutdownNowInterruptsTheRunningTaskAndAbortsTheQueuedOne() throws Exception {
        ViewExecutor executor = rc.engine(0).executor();
        AsyncResult<Integer> running = executor.submit(() -> {
            System.out.println("started");
            Thread.sleep(60_000);
            return 1;
        }).asyncResult();
        AsyncResult<Void> queued = executor.submit(() -> { }).asyncResult();
        while (!String.join("", running.stdout()).contains("started")) {
            running.waitFor(Duration.ofMillis(20));
        }
        executor.shutdownNow();
        assertTrue(executor.awaitTermination(30, TimeUnit.SECONDS));
        assertInstanceOf(TaskAbortedError.class, assertThrows(RemoteError.class, queued::get));
        assertEquals("java.lang.InterruptedException",
                assertThrows(RemoteError.class, running::get).remoteClassName());
        assertEquals(3, rc.engine(0).applySync(() -> 3), "the engine is free again");
    }

    /** A task written as a class, as code written for executors has them. */
    static final class Answer implements Callable<Integer>, Serializable {
        @Override
        public Integer call() {
            return 42;
        }
    }
}

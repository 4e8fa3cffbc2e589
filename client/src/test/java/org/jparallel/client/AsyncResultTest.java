package org.jparallel.client;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.jparallel.client.values.ClassBytes;
import org.jparallel.client.values.UnserializableValueException;
import org.jparallel.client.values.ValueEncoder;
import org.jparallel.display.Display;
import org.jparallel.display.DisplayEvent;
import org.jparallel.repl.CellInterrupts;
import org.jparallel.wire.Message;
import org.junit.jupiter.api.Test;

class AsyncResultTest {
    private final ReplyStream stream = new ReplyStream();

    private AsyncResult<List<Object>> onEngines(Integer... engines) {
        return stream.result("apply", List.of(engines), ArrayList::new, true);
    }

    @Test
    void showsPendingUntilEveryEngineHasReplied() {
        AsyncResult<List<Object>> ar = onEngines(0, 1);
        assertEquals("<AsyncResult(apply): pending>", ar.toString());
        ReplyStream.reply(ar, 0, 0, 1);
        assertFalse(ar.ready());
        assertEquals(1, ar.progress());
        ReplyStream.reply(ar, 1, 1, 2);
        assertTrue(ar.ready());
        assertTrue(ar.successful());
        assertEquals("<AsyncResult(apply): finished>", ar.toString());
    }

    @Test
    void anAsyncResultSentAsAValueSaysHowToUseItsValueOnAnEngine() {
        AsyncResult<List<Object>> ar = onEngines(0);
        UnserializableValueException e = assertThrows(UnserializableValueException.class,
                () -> new ValueEncoder(ClassBytes.none()).encodeCall((Fn<Object, Object>) x -> x, ar));
        assertTrue(e.getMessage().startsWith("args[0]: an AsyncResult, which stands for tasks of this client"),
                e.getMessage());
        assertTrue(e.getMessage().contains("lv.applyAsync((Integer x) -> x + 1, ar)"), e.getMessage());
    }

    @Test
    void showsFailedOnceATaskFailed() {
        AsyncResult<List<Object>> ar = onEngines(0, 1);
        ReplyStream.reply(ar, 0, 0, 1);
        ReplyStream.error(ar, 1, 1, "java.lang.ArithmeticException", "/ by zero");
        assertEquals("<AsyncResult(apply): failed>", ar.toString());
    }

    @Test
    void getListsValuesInTargetOrderWhateverTheOrderOfReplies() {
        AsyncResult<List<Object>> ar = onEngines(3, 1);
        ReplyStream.reply(ar, 1, 1, "from one");
        ReplyStream.reply(ar, 0, 3, "from three");
        assertEquals(List.of("from three", "from one"), ar.get());
        assertEquals(Map.of(3, "from three", 1, "from one"), ar.getDict());
        assertEquals(List.of(3, 1), ar.engineIds());
    }

    @Test
    void labelCanBeChangedForTheMagic() {
        AsyncResult<List<Object>> ar = onEngines(0).label("%px");
        assertEquals("<AsyncResult(%px): pending>", ar.toString());
    }

    @Test
    void elapsedGrowsWhilePendingAndFreezesAtCompletion() throws InterruptedException {
        AsyncResult<List<Object>> ar = onEngines(0);
        Thread.sleep(50);
        double pending = ar.elapsed();
        assertTrue(pending >= 0.05, "elapsed " + pending);
        ReplyStream.reply(ar, 0, 0, 1);
        double done = ar.elapsed();
        Thread.sleep(30);
        assertEquals(done, ar.elapsed());
    }

    @Test
    void getWithTimeoutThrowsTimeoutExceptionWhilePending() {
        AsyncResult<List<Object>> ar = onEngines(0);
        TimeoutException e = assertThrows(TimeoutException.class, () -> ar.get(Duration.ofMillis(20)));
        assertTrue(e.getMessage().contains("abort()"), e.getMessage());
        assertFalse(ar.waitFor(Duration.ofMillis(10)));
    }

    @Test
    void getWaitsForAReplyFromAnotherThread() throws Exception {
        AsyncResult<List<Object>> ar = onEngines(0);
        Thread engine = new Thread(() -> {
            sleep(50);
            ReplyStream.reply(ar, 0, 0, 42);
        });
        engine.start();
        assertEquals(List.of(42), ar.get(Duration.ofSeconds(5)));
        engine.join();
    }

    @Test
    void successfulBeforeReadyTellsToWait() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> onEngines(0).successful());
        assertTrue(e.getMessage().contains("waitFor"), e.getMessage());
    }

    @Test
    void oneFailedTaskOfAOneTaskResultThrowsItsRemoteError() {
        AsyncResult<Object> ar = stream.result("apply", List.of(2), values -> values.get(0), false);
        ReplyStream.error(ar, 0, 2, "java.lang.ArithmeticException", "/ by zero");
        RemoteError e = assertThrows(RemoteError.class, ar::get);
        assertEquals("[2:apply] java.lang.ArithmeticException: / by zero", e.toString());
        assertEquals("java.lang.ArithmeticException", e.remoteClassName());
        assertEquals(2, e.remoteTraceback().size());
        assertFalse(ar.successful());
    }

    @Test
    void failuresOfAMultiEngineResultThrowOneCompositeError() {
        AsyncResult<List<Object>> ar = onEngines(0, 1, 2);
        ReplyStream.error(ar, 0, 0, "java.lang.ArithmeticException", "/ by zero");
        ReplyStream.reply(ar, 1, 1, 5);
        ReplyStream.error(ar, 2, 2, "java.lang.IllegalStateException", "bad");
        CompositeError e = assertThrows(CompositeError.class, ar::get);
        assertEquals(List.of(0, 2), e.errors().stream().map(RemoteError::engineId).toList());
    }

    @Test
    void aDeadEngineIsAnEngineError() {
        AsyncResult<Object> ar = stream.result("apply", List.of(1), values -> values.get(0), false);
        ReplyStream.error(ar, 0, 1, "EngineError", "engine 1 died (pid 1234) while running this task");
        EngineError e = assertThrows(EngineError.class, ar::get);
        assertEquals("[1:apply] EngineError: engine 1 died (pid 1234) while running this task", e.getMessage());
    }

    @Test
    void anAbortedTaskIsATaskAbortedError() {
        AsyncResult<Object> ar = stream.result("apply", List.of(-1), values -> values.get(0), false);
        ReplyStream.aborted(ar, 0);
        assertThrows(TaskAbortedError.class, ar::get);
    }

    @Test
    void getReturningExceptionsPutsEachFailedTasksErrorInItsPlace() {
        AsyncResult<List<Object>> ar = onEngines(0, 1, 2);
        ReplyStream.reply(ar, 0, 0, 5);
        ReplyStream.error(ar, 1, 1, "java.lang.ArithmeticException", "/ by zero");
        ReplyStream.reply(ar, 2, 2, 7);

        List<Object> values = ar.getReturningExceptions();

        assertEquals(5, values.get(0));
        assertEquals("[1:apply] java.lang.ArithmeticException: / by zero", values.get(1).toString());
        assertEquals(7, values.get(2));
    }

    @Test
    void getReturningExceptionsOfAMapGivesAFailedChunksErrorForEachOfItsElements() {
        AsyncMapResult<Integer> ar = stream.mapResult(true, 2, 1, 2);
        ReplyStream.reply(ar, 0, 0, new ArrayList<>(List.of(0, 1)));
        ReplyStream.error(ar, 1, 1, "java.lang.IllegalStateException", "bad");
        ReplyStream.reply(ar, 2, 0, new ArrayList<>(List.of(9, 16)));

        List<Object> values = ar.getReturningExceptions();

        assertEquals(5, values.size());
        assertEquals(List.of(0, 1), values.subList(0, 2));
        assertInstanceOf(RemoteError.class, values.get(2));
        assertEquals(List.of(9, 16), values.subList(3, 5));
    }

    @Test
    void getReturningExceptionsKeepsOneElementPerElementOfTheSequenceAcrossFailedChunks() {
        AsyncMapResult<Integer> ar = stream.mapResult(true, 3, 3);
        ReplyStream.error(ar, 0, 0, "java.lang.IllegalStateException", "bad");
        ReplyStream.aborted(ar, 1);

        List<Object> values = ar.getReturningExceptions();

        assertEquals(6, values.size());
        assertInstanceOf(RemoteError.class, values.get(2));
        assertInstanceOf(TaskAbortedError.class, values.get(3));
    }

    @Test
    void getReturningExceptionsWithTimeoutThrowsTimeoutExceptionWhilePending() {
        AsyncResult<List<Object>> ar = onEngines(0);
        assertThrows(TimeoutException.class, () -> ar.getReturningExceptions(Duration.ofMillis(50)));
        ReplyStream.reply(ar, 0, 0, 1);
        assertDoesNotThrow(() -> assertEquals(List.of(1), ar.getReturningExceptions(Duration.ofMillis(50))));
    }

    @Test
    void abortAsksForTheTasksNotAnsweredYet() {
        AsyncResult<List<Object>> ar = onEngines(0, 1);
        ReplyStream.reply(ar, 0, 0, 1);
        ar.abort();
        assertEquals(List.of(ar.msgIds().get(1)), stream.aborted);
    }

    @Test
    void cancelStopsWaitingAndIgnoresLateReplies() {
        AsyncResult<List<Object>> ar = onEngines(0);
        assertTrue(ar.cancel(false));
        assertTrue(ar.isCancelled());
        assertEquals("<AsyncResult(apply): cancelled>", ar.toString());
        ReplyStream.reply(ar, 0, 0, 1);
        assertThrows(CancellationException.class, ar::get);
        assertEquals(ar.msgIds(), stream.aborted);
    }

    @Test
    void cancelWithInterruptAsksTheEnginesToStopTheRunningTasks() {
        AsyncResult<List<Object>> ar = onEngines(0, 1);
        ReplyStream.reply(ar, 0, 0, 1);
        assertTrue(ar.cancel(true));
        assertEquals(List.of(ar.msgIds().get(1)), stream.interrupted);
        assertEquals(List.of(), new ReplyStream().interrupted);
    }

    @Test
    void cancelWithoutInterruptLeavesRunningTasksAlone() {
        AsyncResult<List<Object>> ar = onEngines(0);
        assertTrue(ar.cancel(false));
        assertEquals(List.of(), stream.interrupted);
    }

    @Test
    void aWaitInANotebookCellIsCancelledWithTheCellsInterrupt() throws Exception {
        AsyncResult<List<Object>> ar = onEngines(0);
        assertInstanceOf(CancellationException.class, interruptedWaitIn(ar));
        assertTrue(ar.isCancelled());
        assertEquals(ar.msgIds(), stream.interrupted);
    }

    @Test
    void aWaitForAnotherClientsTaskEndsWithTheCellsInterruptAndLeavesTheTask() throws Exception {
        AsyncResult<Object> found = stream.foreignResult();
        assertInstanceOf(CancellationException.class, interruptedWaitIn(found));
        assertEquals(List.of(), stream.aborted);
        assertEquals(List.of(), stream.interrupted);
    }

    @Test
    void cancellingAnotherClientsTaskOnPurposeStopsIt() {
        AsyncResult<Object> found = stream.foreignResult();
        found.cancel(true);
        assertEquals(found.msgIds(), stream.interrupted);
    }

    /** Waits for {@code ar} in a thread of a notebook cell, interrupts the cell, and returns what the wait threw. */
    private static Throwable interruptedWaitIn(AsyncResult<?> ar) throws InterruptedException {
        List<Runnable> hooks = new CopyOnWriteArrayList<>();
        class Cell extends ClassLoader implements CellInterrupts {
            @Override
            public AutoCloseable onInterrupt(Runnable action) {
                hooks.add(action);
                return () -> hooks.remove(action);
            }
        }
        AtomicReference<Throwable> ended = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            try {
                ar.get();
            } catch (RuntimeException e) {
                ended.set(e);
            }
        });
        waiter.setContextClassLoader(new Cell());
        waiter.start();
        while (hooks.isEmpty()) {
            Thread.sleep(5);
        }
        hooks.forEach(Runnable::run); // what interrupting the cell does
        waiter.join(10_000);
        assertTrue(hooks.isEmpty(), "the wait unhooked itself");
        return ended.get();
    }

    @Test
    void outputsAreStreamedToListenersAndReplayedToLateOnes() {
        AsyncResult<List<Object>> ar = onEngines(0, 1);
        List<String> early = new ArrayList<>();
        ar.onOutput(out -> early.add(out.toString()));
        ReplyStream.stream(ar, 0, 0, "stdout", "hello\n");
        ReplyStream.stream(ar, 1, 1, "stderr", "oops\n");
        List<String> late = new ArrayList<>();
        ar.onOutput(out -> late.add(out.toString()));
        ReplyStream.stream(ar, 0, 0, "stdout", "again\n");
        List<String> expected = List.of("[stdout:0] hello\n", "[stderr:1] oops\n", "[stdout:0] again\n");
        assertEquals(expected, early);
        assertEquals(expected, late);
        assertEquals(List.of("hello\nagain\n", ""), ar.stdout());
        assertEquals(List.of("", "oops\n"), ar.stderr());
    }

    @Test
    void metadataRecordsTheEngineAndStatusOfEachTask() {
        AsyncResult<List<Object>> ar = onEngines(0, 1);
        ReplyStream.reply(ar, 1, 1, 1);
        List<TaskMetadata> metadata = ar.metadata();
        assertEquals("pending", metadata.get(0).status());
        assertEquals("ok", metadata.get(1).status());
        assertEquals(1, metadata.get(1).engineId());
        assertTrue(metadata.get(1).completed().isPresent());
    }

    @Test
    void theEnginesTimesOutliveTheRestOfTheReplysMetadata() {
        AsyncResult<List<Object>> ar = onEngines(2);
        Message reply = ReplyStream.message(ar, 0, 2, "apply_reply", ok())
                .withBuffers(ReplyStream.ENCODER.encode("value"));
        reply.metadata().addProperty("started", "2026-11-26T09:00:00.000001Z");
        reply.metadata().addProperty("completed", "2026-11-26T09:00:00.250000Z");
        reply.metadata().addProperty("dependencies_met", true);
        ar.pendingFor(0).receive(reply);
        TaskMetadata metadata = ar.metadata().get(0);
        assertEquals(Instant.parse("2026-11-26T09:00:00.000001Z"), metadata.started().orElseThrow());
        assertEquals(Instant.parse("2026-11-26T09:00:00.250000Z"), metadata.completed().orElseThrow());
        assertEquals(2, metadata.engineId());
        assertEquals(List.of("value"), ar.get());
        TaskState kept = ar.board().task(0);
        assertEquals(List.of("msg_id"), List.copyOf(kept.reply.parentHeader().keySet()));
        assertEquals(List.of("engine_id"), List.copyOf(kept.reply.metadata().keySet()));
    }

    @Test
    void wallAndSerialTimeComeFromTheTimesTheClusterRecorded() {
        AsyncResult<List<Object>> ar = onEngines(0, 1);
        Instant submitted = ar.metadata().get(0).submitted();
        for (int task = 0; task < 2; task++) {
            Message reply = ReplyStream.message(ar, task, task, "apply_reply", ok())
                    .withBuffers(ReplyStream.ENCODER.encode(task));
            reply.metadata().addProperty("started", submitted.plusMillis(100).toString());
            reply.metadata().addProperty("completed", submitted.plusMillis(1100 + 500L * task).toString());
            ar.pendingFor(task).receive(reply);
        }
        assertEquals(1.6, ar.wallTime(), 0.01);
        assertEquals(2.5, ar.serialTime(), 1e-9);
    }

    @Test
    void wallTimeWhilePendingSaysToWait() {
        AsyncResult<List<Object>> ar = onEngines(0, 1);
        ReplyStream.reply(ar, 0, 0, 1);
        IllegalStateException e = assertThrows(IllegalStateException.class, ar::wallTime);
        assertTrue(e.getMessage().contains("1 of 2 tasks have finished; wait"), e.getMessage());
    }

    @Test
    void waitInteractiveRewritesOneProgressLineUntilDone() throws Exception {
        AsyncResult<List<Object>> ar = onEngines(0, 1);
        ReplyStream.reply(ar, 0, 0, 1);
        Thread late = new Thread(() -> {
            sleep(120);
            ReplyStream.error(ar, 1, 1, "java.lang.IllegalStateException", "late and failed");
        });
        late.start();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        WaitProgress.of(ar, new PrintStream(printed, true)).await(Duration.ofMillis(30));
        late.join();
        String text = printed.toString();
        assertTrue(text.startsWith("\r   1/2 tasks finished after"), text);
        assertTrue(text.endsWith("\r   2/2 tasks finished after    0 s" + System.lineSeparator() + "done"
                + System.lineSeparator()), text);
        assertThrows(CompositeError.class, ar::get, "the failure is get()'s to throw");
    }

    @Test
    void displayOutputsPrintsWhatEachEngineSentLabelledAsPxDoes() {
        AsyncResult<List<Object>> ar = onEngines(0, 1);
        ReplyStream.stream(ar, 0, 0, "stdout", "hello\n");
        ReplyStream.stream(ar, 1, 1, "stderr", "oops");
        ReplyStream.stream(ar, 1, 1, "stdout", "two\nlines\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ar.displayOutputs(OutputPrinter.to(new PrintStream(out, true), new PrintStream(err, true), null));
        assertEquals("[stdout:0] hello\n[stdout:1] \ntwo\nlines\n", out.toString());
        assertEquals("[stderr:1] oops\n", err.toString());
    }

    @Test
    void displayOutputsWaitsForTheTasksToFinish() throws Exception {
        AsyncResult<List<Object>> ar = onEngines(0, 1);
        Thread late = new Thread(() -> {
            sleep(120);
            ReplyStream.stream(ar, 1, 1, "stdout", "late\n");
            ReplyStream.reply(ar, 0, 0, 1);
            ReplyStream.reply(ar, 1, 1, 2);
        });
        late.start();
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true));
        try {
            ar.displayOutputs();
        } finally {
            System.setOut(original);
        }
        late.join();
        assertEquals("[stdout:1] late\n", out.toString());
    }

    @Test
    void displayOutputsShowsWhatTasksDisplayedRichWhereADisplayIs() {
        AsyncResult<List<Object>> ar = onEngines(0, 1);
        ReplyStream.display(ar, 1, 1, "text/html", "<b>hi</b>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<DisplayEvent> shown = new ArrayList<>();

        ar.displayOutputs(OutputPrinter.to(new PrintStream(out, true), System.err, new Display(shown::add)));

        assertEquals("[output:1]\n", out.toString());
        assertEquals("<b>hi</b>", shown.get(0).bundle().data().get("text/html"));
    }

    @Test
    void anEnginesUpdateOfItsDisplayReplacesItInTheNotebook() {
        AsyncResult<List<Object>> ar = onEngines(0, 1);
        ReplyStream.displayEvent(ar, 1, 1, "display_data", "progress", "text/html", "<i>0%</i>");
        ReplyStream.displayEvent(ar, 1, 1, "update_display_data", "progress", "text/html", "<i>100%</i>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<DisplayEvent> shown = new ArrayList<>();

        ar.displayOutputs(OutputPrinter.to(new PrintStream(out, true), System.err, new Display(shown::add)));

        assertEquals("[output:1]\n", out.toString(), "an update has no label of its own");
        assertEquals(2, shown.size());
        assertFalse(shown.get(0).update());
        assertTrue(shown.get(1).update());
        assertEquals(shown.get(0).displayId(), shown.get(1).displayId());
        assertEquals("<i>100%</i>", shown.get(1).bundle().data().get("text/html"));
        assertEquals(EngineOutput.Kind.UPDATE, ar.outputs().get(1).kind());
    }

    @Test
    void displayOutputsPrintsADisplaysTextWhereNoDisplayIs() {
        AsyncResult<List<Object>> ar = onEngines(0);
        ReplyStream.display(ar, 0, 0, "text/html", "<b>hi</b>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        ar.displayOutputs(OutputPrinter.to(new PrintStream(out, true), System.err, null));

        assertEquals("[output:0]\n<display>\n", out.toString());
    }

    @Test
    void displayOutputsGoesTaskByTaskWhateverOrderTheyCameIn() {
        AsyncResult<List<Object>> ar = onEngines(0, 1);
        ReplyStream.stream(ar, 1, 1, "stdout", "second task\n");
        ReplyStream.stream(ar, 0, 0, "stdout", "first task\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ar.displayOutputs(OutputPrinter.to(new PrintStream(out, true), new PrintStream(new ByteArrayOutputStream()), null));
        assertEquals("[stdout:0] first task\n[stdout:1] second task\n", out.toString());
    }

    private static JsonObject ok() {
        JsonObject content = new JsonObject();
        content.addProperty("status", "ok");
        return content;
    }

    @Test
    void onDoneRunsWhenTheLastReplyArrives() {
        AsyncResult<List<Object>> ar = onEngines(0);
        List<String> calls = new ArrayList<>();
        ar.onDone(() -> calls.add("done"));
        assertEquals(List.of(), calls);
        ReplyStream.reply(ar, 0, 0, 1);
        assertEquals(List.of("done"), calls);
    }

    @Test
    void onDoneHandsTheResultToACallbackThatTakesIt() {
        AsyncResult<List<Object>> ar = onEngines(0);
        List<Boolean> successes = new ArrayList<>();
        ar.onDone(done -> successes.add(done.successful()));
        ReplyStream.reply(ar, 0, 0, 1);
        assertEquals(List.of(true), successes);
    }

    @Test
    void anOrderedMapIteratesInSequenceOrder() {
        AsyncMapResult<Integer> ar = stream.mapResult(2, true);
        ReplyStream.reply(ar, 1, 0, new ArrayList<>(List.of(4, 9)));
        ReplyStream.reply(ar, 0, 1, new ArrayList<>(List.of(0, 1)));
        List<Integer> seen = new ArrayList<>();
        ar.forEach(seen::add);
        assertEquals(List.of(0, 1, 4, 9), seen);
        assertEquals(List.of(0, 1, 4, 9), ar.get());
        assertEquals("<AsyncMapResult(map): finished>", ar.toString());
    }

    @Test
    void anUnorderedMapIteratesAsResultsArrive() {
        AsyncMapResult<Integer> ar = stream.mapResult(2, false);
        ReplyStream.reply(ar, 1, 0, new ArrayList<>(List.of(4, 9)));
        ReplyStream.reply(ar, 0, 1, new ArrayList<>(List.of(0, 1)));
        List<Integer> seen = new ArrayList<>();
        ar.forEach(seen::add);
        assertEquals(List.of(4, 9, 0, 1), seen);
        assertEquals(List.of(4, 9, 0, 1), ar.get());
    }

    @Test
    void aMapIteratorHandsOutTheFirstChunkBeforeTheSecondArrives() {
        AsyncMapResult<Integer> ar = stream.mapResult(2, true);
        ReplyStream.reply(ar, 0, 0, new ArrayList<>(List.of(7)));
        var it = ar.iterator();
        assertEquals(7, it.next());
        assertFalse(ar.ready());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

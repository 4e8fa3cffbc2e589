package org.jparallel.client.it;

import static org.jparallel.client.Parallel.range;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jparallel.client.AsyncResult;
import org.jparallel.client.Client;
import org.jparallel.client.ClusterException;
import org.jparallel.client.CompositeError;
import org.jparallel.client.DirectView;
import org.jparallel.client.EngineView;
import org.jparallel.client.ExecuteReply;
import org.jparallel.client.MapOptions;
import org.jparallel.client.Reference;
import org.jparallel.client.RemoteError;
import org.jparallel.client.TaskAbortedError;
import org.jparallel.client.values.UnserializableValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The client API against a real two-engine cluster, from plain Java. */
class DirectViewTest {
    @RegisterExtension
    static final SharedCluster cluster = SharedCluster.engines(2);
    final Client rc = cluster.client();
    final DirectView all = rc.all();

    @Test
    void aFlattenedScatterGivesEachEngineOneElementItself() {
        DirectView all = rc.all();
        all.scatterSync("seed", List.of(11L, 22L), true);
        all.executeSync("long doubledSeed = seed * 2;");
        assertEquals(List.of(22L, 44L), all.pullSync("doubledSeed"));
        all.scatterSync("slot", new int[] {5, 6}, true);
        assertEquals(List.of(5, 6), all.pullSync("slot"));
    }

    @Test
    void aFlattenedScatterOfMoreElementsThanEnginesFlattensThePartsOfOneAsIpyparallelsDoes() {
        all.scatterSync("part", List.of("a", "b", "c"), true);
        assertEquals(List.of(List.of("a", "b"), "c"), all.pullSync("part"));
    }

    @Test
    void aNegativeIdCountsFromTheLastEngineAsIpyparallelsDoes() {
        long lastPid = rc.engine(1).applySync(() -> ProcessHandle.current().pid());
        assertEquals(lastPid, rc.engine(-1).applySync(() -> ProcessHandle.current().pid()));
        assertEquals(List.of(1, 0), rc.view(-1, -2).targets());
        ClusterException e = assertThrows(ClusterException.class, () -> rc.engine(-3));
        assertTrue(e.getMessage().startsWith("there is no engine -3: the cluster has 2 engines"), e.getMessage());
    }

    @Test
    void activatingAViewOutsideANotebookSaysThereIsNoPx() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> rc.view(0).activate("_zero"));
        assertTrue(e.getMessage().startsWith("activate() makes %px magics, which exist in a jparallel notebook only"),
                e.getMessage());
    }

    @Test
    void aViewOfNoEnginesSaysSoRatherThanThatNoneAreRegistered() {
        ClusterException e = assertThrows(ClusterException.class, () -> rc.view());
        assertEquals("a view needs at least one engine id, such as rc.view(0, 1); rc.all() is a view on every engine"
                + " (this cluster has engines [0, 1])", e.getMessage());
        assertThrows(ClusterException.class, () -> rc.view(rc.ids().subList(0, 0)));
    }

    @Test
    void putOfNullDefinesTheVariableAsNull() {
        all.put("nothing", null);
        assertEquals(Arrays.asList(null, null), all.pullSync("nothing"));
    }

    @Test
    void aNameNoVariableCanHaveIsRefusedBeforeAnyEngineSeesIt() {
        IllegalArgumentException keyword = assertThrows(IllegalArgumentException.class, () -> all.put("class", 1));
        assertEquals("push names a variable of the engines, a Java identifier such as \"x\"; not \"class\"",
                keyword.getMessage());
        assertThrows(IllegalArgumentException.class, () -> all.scatter("not a name", List.of(1, 2)));
        assertThrows(IllegalArgumentException.class, () -> rc.engine(0).put("1st", 1));
    }

    @Test
    void theClientFindsTheEngines() {
        assertEquals(List.of(0, 1), rc.ids());
        assertEquals(List.of(0, 1), all.targets());
        assertEquals("<Client profile 'it': 2 engines>", rc.toString());
    }

    @Test
    void aClosedClientRefusesRequestsAtTheCallThatMadeThem() {
        Client closed = Client.connect(cluster.clientFile());
        closed.close();
        ClusterException e = assertThrows(ClusterException.class, () -> closed.all().applySync(() -> 1));
        assertEquals("this client was closed: connect again with Client.connect(\"it\")", e.getMessage());
        assertTrue(Arrays.stream(e.getStackTrace()).anyMatch(frame -> frame.getMethodName().equals("applySync")),
                Arrays.toString(e.getStackTrace()));
    }

    @Test
    void serialTimeAddsUpWhatTheEnginesRanSideBySide() {
        AsyncResult<List<Integer>> ar = all.apply(() -> {
            Thread.sleep(300);
            return 1;
        });
        ar.get();
        assertTrue(ar.serialTime() >= 0.6, "serial " + ar.serialTime());
        assertTrue(ar.wallTime() >= 0.3 && ar.wallTime() < ar.serialTime(),
                "wall " + ar.wallTime() + ", serial " + ar.serialTime());
    }

    @Test
    void waitingForMoreEnginesThanComeNamesTheClustersLogs() {
        java.util.concurrent.TimeoutException e = assertThrows(java.util.concurrent.TimeoutException.class,
                () -> rc.waitForEngines(3, Duration.ofMillis(200)));
        assertTrue(e.getMessage().contains("only 2 of 3 engines registered"), e.getMessage());
        assertTrue(e.getMessage().contains("`jpcluster engines -n 1 --profile it`"), e.getMessage());
        assertTrue(e.getMessage().endsWith(cluster.home().resolve("profile_" + ItCluster.PROFILE).resolve("log").toString()),
                e.getMessage());
    }

    @Test
    void executeKeepsStateOnEachEngine() {
        all.executeSync("int k = 20;");
        List<ExecuteReply> replies = all.executeSync("k + 1");
        assertEquals(List.of("21", "21"), replies.stream().map(ExecuteReply::text).toList());
        assertEquals(List.of(0, 1), replies.stream().map(ExecuteReply::engineId).toList());
        assertTrue(replies.get(0).toString().matches("Out\\[0:\\d+]: 21"), replies.get(0).toString());
    }

    @Test
    void fileOfSnippetsRunsOnEachEngine() throws Exception {
        Path setup = Files.writeString(cluster.home().resolve("setup.jsh"),
                "int answer(int x) {\n    return 6 * x;\n}\nint fromFile = answer(7);\n");
        all.runSync(setup);
        assertEquals(List.of(42, 42), all.pullSync("fromFile"));
        Path next = Files.writeString(cluster.home().resolve("next.jsh"), "fromFile + 1\n");
        assertEquals("43", rc.engine(1).runSync(next).text());
    }

    @Test
    void missingFileToRunSaysWhichFile() {
        Path missing = cluster.home().resolve("no-such.jsh");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> all.runSync(missing));
        assertTrue(e.getMessage().startsWith("cannot read the code to run from " + missing), e.getMessage());
    }

    @Test
    void outputStreamsToListenersAsItIsPrinted() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        AsyncResult<List<ExecuteReply>> ar = rc.view(1).execute(
                "System.out.println(\"first\"); Thread.sleep(1500); System.out.println(\"second\");");
        ar.onOutput(out -> seen.add(out.toString()));
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (seen.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(List.of("[stdout:1] first\n"), seen);
        assertEquals("<AsyncResult(execute): pending>", ar.toString());
        ar.get(Duration.ofSeconds(30));
        assertEquals(List.of("[stdout:1] first\n", "[stdout:1] second\n"), seen);
        assertEquals(List.of("first\nsecond\n"), ar.stdout());
        assertTrue(ar.elapsed() >= 1.5, "elapsed " + ar.elapsed());
    }

    @Test
    void anAbortedRequestQueuedBehindARunningOneNeverRuns() throws Exception {
        EngineView engine = rc.engine(1);
        AsyncResult<ExecuteReply> running = engine.execute("Thread.sleep(1500);");
        AsyncResult<ExecuteReply> queued = engine.execute("int ranAfterAbort = 1;");
        queued.abort();
        assertThrows(TaskAbortedError.class, () -> queued.get(Duration.ofSeconds(30)));
        running.get(Duration.ofSeconds(30));
        RemoteError e = assertThrows(RemoteError.class, () -> engine.executeSync("ranAfterAbort"));
        assertEquals("CompileError", e.remoteClassName());
    }

    @Test
    void cancelWithInterruptStopsTheRunningFunctionAndTheEngineServesAgain() throws Exception {
        EngineView engine = rc.engine(1);
        AsyncResult<Integer> sleeping = engine.apply(() -> {
            Thread.sleep(60_000);
            return 1;
        });
        Thread.sleep(1000); // running by now
        assertTrue(sleeping.cancel(true));
        assertEquals(2, engine.apply(() -> 2).get(Duration.ofSeconds(20)),
                "the engine served the next request before the 60 s sleep could end");
    }

    @Test
    void cancelWithoutInterruptLetsTheRunningFunctionFinish() throws Exception {
        EngineView engine = rc.engine(0);
        AsyncResult<Integer> sleeping = engine.apply(() -> {
            Thread.sleep(1500);
            return 1;
        });
        Thread.sleep(300);
        assertTrue(sleeping.cancel(false));
        long start = System.nanoTime();
        assertEquals(2, engine.apply(() -> 2).get(Duration.ofSeconds(20)));
        assertTrue(System.nanoTime() - start > 200_000_000L, "the next request waited for the running one");
    }

    @Test
    void aFailingCellOnEveryEngineIsACompositeError() {
        CompositeError e = assertThrows(CompositeError.class, () -> all.executeSync("Integer.parseInt(\"x\")"));
        assertEquals(2, e.errors().size());
        assertEquals("java.lang.NumberFormatException", e.errors().get(1).remoteClassName());
        assertTrue(e.errors().get(1).toString().startsWith("[1:execute] java.lang.NumberFormatException"),
                e.errors().get(1).toString());
    }

    @Test
    void aFailingCellOnOneEngineIsItsRemoteError() {
        RemoteError e = assertThrows(RemoteError.class, () -> rc.engine(0).executeSync("throw new IllegalStateException(\"no\");"));
        assertEquals("[0:execute] java.lang.IllegalStateException: no", e.toString());
    }

    @Test
    void putDefinesAVariableThatCellsUse() {
        all.put("base", 100);
        assertEquals(List.of("142", "142"), all.executeSync("base + 42").stream().map(ExecuteReply::text).toList());
        assertEquals(List.of(100, 100), all.get("base"));
    }

    @Test
    void pullReadsSeveralVariables() {
        all.pushSync(Map.of("a", "x", "b", 2.5));
        assertEquals(List.of(Map.of("a", "x", "b", 2.5), Map.of("a", "x", "b", 2.5)), all.pullSync(List.of("a", "b")));
    }

    @Test
    void scatterAndGatherKeepOrder() {
        all.scatterSync("part", range(10));
        assertEquals(List.of(List.of(0, 1, 2, 3, 4), List.of(5, 6, 7, 8, 9)), all.pullSync("part"));
        assertEquals(range(10), all.gatherSync("part"));
    }

    @Test
    void cellsComputeWithTheElementsOfWhatWasScattered() {
        all.scatterSync("numbers", range(8));
        all.executeSync("var squares = numbers.stream().map(i -> i * i).toList();");
        assertEquals(List.of(0, 1, 4, 9, 16, 25, 36, 49), all.gatherSync("squares"));
    }

    @Test
    void cellsReadThePushedMapsValuesAsTheirType() {
        all.pushSync(Map.of("prices", Map.of("tea", 2.5, "cake", 4.0)));
        all.executeSync("double total = prices.values().stream().mapToDouble(p -> p).sum();");
        assertEquals(List.of(6.5, 6.5), all.pullSync("total"));
    }

    @Test
    void aPushedMapOfArrayListsFitsAVariableTypedWithInterfaces() {
        Map<String, List<Double>> series = new LinkedHashMap<>();
        series.put("a", new ArrayList<>(List.of(1.0, 2.0)));
        all.pushSync(Map.of("series", series));
        all.executeSync("Map<String, List<Double>> copy = series; int n = copy.get(\"a\").size();");
        assertEquals(List.of(2, 2), all.pullSync("n"));
    }

    @Test
    void aReferenceArgumentIsEachEnginesOwnVariable() {
        all.scatterSync("chunk", range(10));
        Reference<List<Integer>> chunk = Reference.to("chunk");
        assertEquals(List.of(10, 35), all.applySync((List<Integer> xs) -> xs.stream().mapToInt(x -> x).sum(), chunk));
        assertEquals(5, rc.engine(1).applySync((List<Integer> xs) -> xs.size(), chunk));
        all.put("factor", 3);
        assertEquals(6, (int) rc.loadBalancedView().applySync((Integer f) -> f * 2, Reference.<Integer>to("factor")));
    }

    @Test
    void aReferenceToAVariableAnEngineLacksFailsWithNoSuchVariable() {
        RemoteError e = assertThrows(RemoteError.class,
                () -> rc.engine(0).applySync((String x) -> x, Reference.to("neverDefinedHere")));
        assertEquals("NoSuchVariableException", e.remoteClassName());
        assertTrue(e.remoteMessage().contains("no variable named neverDefinedHere on this engine"), e.remoteMessage());
        assertEquals(1, rc.engine(0).applySync(() -> 1), "the engine is still usable");
    }

    @Test
    void tenMillionDoublesRoundTripThroughScatterAndGather() {
        double[] data = new double[10_000_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = i * 0.5;
        }
        all.scatterSync("xs", data);
        assertEquals(List.of("5000000", "5000000"), all.executeSync("xs.length").stream().map(ExecuteReply::text).toList());
        double[] back = all.gatherSync("xs");
        assertArrayEquals(data, back);
    }

    @Test
    void applyRunsOnEveryEngine() {
        List<Long> pids = all.applySync(() -> ProcessHandle.current().pid());
        assertEquals(2, pids.stream().distinct().count());
        assertTrue(!pids.contains(ProcessHandle.current().pid()));
    }

    @Test
    void applyPassesArguments() {
        assertEquals(List.of(7, 7), all.applySync((Integer a, Integer b) -> a * b + 1, 2, 3));
    }

    @Test
    void aRemoteExceptionOfApplyNamesItsEngine() {
        CompositeError e = assertThrows(CompositeError.class, () -> all.applySync(() -> 1 / 0));
        assertEquals("[0:apply] java.lang.ArithmeticException: / by zero", e.errors().get(0).toString());
    }

    @Test
    void mapSendsOneChunkPerEngineInOrder() {
        assertEquals(List.of(0, 1, 4, 9, 16, 25, 36, 49, 64, 81), all.map(x -> x * x, range(10)).get());
        assertEquals(Map.of(0, List.of(10), 1, List.of(11)), all.map(x -> x + 10, range(2)).getDict());
    }

    @Test
    void mapOverThreeSequencesTakesOneElementOfEach() {
        List<Integer> xs = range(5);
        List<Integer> ys = range(10, 15);
        List<String> names = List.of("a", "b", "c", "d", "e");
        List<String> expected = List.of("a10", "b12", "c14", "d16", "e18");
        assertEquals(expected, all.mapSync((Integer x, Integer y, String name) -> name + (x + y), xs, ys, names));
        assertEquals(expected, rc.loadBalancedView().mapSync((Integer x, Integer y, String name) -> name + (x + y),
                xs, ys, names, MapOptions.chunksize(2)));
    }

    @Test
    void loadBalancedMapOverTwoSequencesTakesAChunksize() {
        var ar = rc.loadBalancedView().map((Integer x, Integer y) -> x * y, range(6), range(6), MapOptions.chunksize(3));
        assertEquals(List.of(0, 1, 4, 9, 16, 25), ar.get());
        assertEquals(2, ar.msgIds().size());
    }

    @Test
    void sequencesOfDifferentLengthsAreRefusedNamingBoth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> all.map((Integer x, Integer y, Integer z) -> x, range(3), range(3), range(2)));
        assertEquals("the sequences of map have different lengths: 3 and 2", e.getMessage());
    }

    @Test
    void anUnserializableArgumentFailsBeforeAnythingIsSent() {
        Thread thread = new Thread(() -> { });
        List<Object> holder = new ArrayList<>(List.of("fine", thread));
        UnserializableValueException e = assertThrows(UnserializableValueException.class,
                () -> all.apply((List<Object> l) -> l.size(), holder));
        assertTrue(e.getMessage().startsWith("args[0]"), e.getMessage());
        assertTrue(e.getMessage().contains("java.lang.Thread"), e.getMessage());
    }

    @Test
    void loadBalancedMapSpreadsTasksAndKeepsOrder() {
        var lv = rc.loadBalancedView();
        var ar = lv.map(x -> { Thread.sleep(50); return x * 2; }, range(12),
                MapOptions.chunksize(2));
        assertEquals(List.of(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22), ar.get());
        assertEquals(2, ar.engineIds().stream().distinct().count(), ar.engineIds().toString());
    }

    @Test
    void aViewCanBePickedAsPxTargetsAndIpyparallelSlicesArePicked() {
        assertEquals(List.of(0), rc.view("::2").targets());
        assertEquals(List.of(1), rc.view("-1").targets());
        assertEquals(List.of(1, 0), rc.view("::-1").targets());
        assertEquals(2, rc.view("all").applySync(() -> 1).size());
        var e = assertThrows(ClusterException.class, () -> rc.view("5"));
        assertEquals("no engine 5: the engines are [0, 1]", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> rc.view("0 and 1"));
    }

    @Test
    void aMapCanReturnItsFailuresInPlaceOfTheirValues() {
        List<Object> values = rc.loadBalancedView().map((Integer x) -> 12 / x, List.of(1, 0, 3)).getReturningExceptions();

        assertEquals(12, values.get(0));
        assertEquals("java.lang.ArithmeticException", ((RemoteError) values.get(1)).remoteClassName());
        assertEquals(4, values.get(2));
    }

    @Test
    void aDirectMapReturnsAFailedChunksErrorForEachOfItsElements() {
        List<Object> values = all.map((Integer x) -> 12 / x, List.of(0, 1, 2, 3)).getReturningExceptions();

        assertEquals(4, values.size());
        assertInstanceOf(RemoteError.class, values.get(0));
        assertInstanceOf(RemoteError.class, values.get(1));
        assertEquals(List.of(6, 4), values.subList(2, 4));
    }

    @Test
    void aRemoteErrorHoldsTheExceptionTheEngineThrew() {
        RemoteError e = assertThrows(RemoteError.class, () -> rc.engine(1).applySync(() -> Integer.parseInt("x")));
        NumberFormatException thrown = assertInstanceOf(NumberFormatException.class, e.remoteException().orElseThrow());
        assertEquals("For input string: \"x\"", thrown.getMessage());
    }

    @Test
    void loadBalancedApplyGivesOneValue() {
        assertEquals(42, rc.loadBalancedView().applySync(() -> 6 * 7));
    }
}

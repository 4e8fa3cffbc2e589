package org.jparallel.client.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.jparallel.client.EngineOutput;
import org.jparallel.repl.CellOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Lambdas typed in a JShell session, as a notebook user types them, run on the engines. */
class JShellLambdaTest {
    @RegisterExtension
    static final SharedCluster cluster = SharedCluster.engines(2);
    static KernelSession cells;

    @BeforeAll
    static void start() {
        cells = new KernelSession(cluster.clientFile());
        cells.eval("var v = rc.all();");
        // A client made in a cell, as a notebook makes one, knows the cells' types; rc, made by the test, does not.
        cells.eval("var inCells = Client.connect(java.nio.file.Path.of(\"" + cluster.clientFile() + "\"));");
    }

    @AfterAll
    static void stop() {
        cells.close();
    }

    /** What evaluating {@code cell} printed on standard error: the engines' output there among it. */
    private static String stderrOf(String cell) {
        java.io.PrintStream original = System.err;
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            cells.eval(cell);
        } finally {
            System.setErr(original);
        }
        return err.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void theRecipesMapGivesTheSquares() {
        assertEquals(List.of(0, 1, 4, 9, 16, 25, 36, 49, 64, 81), cells.eval("v.map(x -> x * x, range(10)).get()"));
    }

    @Test
    void theRecipesResultAsArgumentTakesALambdaWhoseParameterIsNotTyped() {
        cells.eval("double sum(double[] a) { double s = 0; for (double x : a) s += x; return s; }");
        cells.eval("var lv = rc.loadBalancedView();");
        cells.eval("var arB = lv.applyAsync(() -> new double[] {1, 2, 3});");
        assertEquals(6.0, cells.eval("lv.applyAsync(a -> sum(a), arB).get()"));
        assertEquals(List.of(6.0, 6.0), cells.eval("v.applySync(a -> sum(a), arB)"));
        assertEquals(6.0, cells.eval("rc.engine(1).applySync(a -> sum(a), arB)"));
        assertEquals(42, cells.eval("lv.applySync(x -> x * 2, 21)"));
    }

    @Test
    void cancellingAFunctionStopsItsParallelStreamsWorkersToo() throws Exception {
        assumeTrue(Runtime.version().feature() >= 20, "before JDK 20 a function is stopped on its own thread alone");
        // Each turn spends its time in the JDK's code, where no check is: a worker then meets its next check only
        // after the function itself has been stopped and has ended.
        cells.eval("var spinning = rc.engine(1).apply(() -> { java.util.stream.IntStream.range(0, 4).parallel()"
                + ".forEach(i -> { while (true) { java.math.BigInteger.valueOf(3).pow(2_000_000); } }); return 1; });");
        Thread.sleep(1000); // every worker busy by now
        cells.eval("spinning.cancel(true);");
        assertEquals(0L, cells.eval("rc.engine(1).applySync(() -> Thread.getAllStackTraces().keySet().stream()"
                + ".filter(t -> t.getName().startsWith(\"ForkJoinPool.commonPool\")"
                + " && t.getState() == Thread.State.RUNNABLE).count())"), "a worker of the stopped function runs on");
    }

    @Test
    void aLambdaReadsAVariableOfAnEarlierCell() {
        cells.eval("int offset = 1000;");
        assertEquals(List.of(1000, 1001, 1002), cells.eval("v.mapSync(x -> x + offset, range(3))"));
    }

    @Test
    void aMethodOfAnEarlierCellRunsOnTheEngines() {
        cells.eval("int triple(int x) { return 3 * x; }");
        assertEquals(List.of(3, 3), cells.eval("v.applySync(() -> triple(1))"));
    }

    @Test
    void aRecordOfACellTravelsBothWays() {
        cells.eval("record Point(int x, int y) implements java.io.Serializable { }");
        assertEquals("Point[x=2, y=4]", cells.eval("rc.loadBalancedView().applySync(p -> new Point(p.x() * 2, p.y() * 2), new Point(1, 2)).toString()"));
    }

    @Test
    void anExceptionOfTheCellsThrownOnAnEngineComesBackAsItselfWithItsFields() {
        cells.eval("class BadInput extends RuntimeException { final int code; BadInput(int code) { this.code = code; } }");
        cells.eval("RemoteError caught = null;");
        cells.eval("try { inCells.loadBalancedView().applySync(() -> { throw new BadInput(42); }); }"
                + " catch (RemoteError e) { caught = e; }");
        assertEquals(42, cells.eval("((BadInput) caught.remoteException().orElseThrow()).code"));
    }

    @Test
    void anExceptionThatCannotTravelLeavesItsErrorAsItWas() {
        cells.eval("class Locked extends RuntimeException { final Object lock = new Object(); }");
        cells.eval("RemoteError stuck = null;");
        cells.eval("try { inCells.loadBalancedView().applySync(() -> { throw new Locked(); }); }"
                + " catch (RemoteError e) { stuck = e; }");
        assertEquals("Locked", cells.eval("stuck.remoteClassName()"));
        assertEquals(false, cells.eval("stuck.remoteException().isPresent()"));
    }

    @Test
    void loadBalancedApplyAsyncIsPolled() throws Exception {
        // The task runs until the test lets it end, so "pending" does not depend on how fast the machine is.
        Path go = cluster.home().resolve("go");
        cells.eval("String go = \"" + go + "\";");
        cells.eval("var ar = rc.loadBalancedView().applyAsync(() -> {"
                + " while (!java.nio.file.Files.exists(java.nio.file.Path.of(go))) Thread.sleep(10); return 7; });");
        assertEquals("<AsyncResult(apply): pending>", cells.eval("ar.toString()"));
        assertEquals(false, cells.eval("ar.ready()"));
        java.nio.file.Files.createFile(go);
        assertEquals(7, cells.eval("ar.get()"));
        assertEquals("<AsyncResult(apply): finished>", cells.eval("ar.toString()"));
        assertEquals(true, cells.eval("ar.ready() && ar.elapsed() > 0"));
    }

    @Test
    void aFunctionThatDisplaysShowsItAsOutputOfItsTaskNotInTheNotebook() {
        cells.eval("var shown = rc.loadBalancedView().apply(() -> { display(html(\"<b>hi</b>\")); return 1; });");

        assertEquals(1, cells.eval("shown.get()"));

        EngineOutput output = (EngineOutput) cells.eval("shown.outputs().get(0)");
        assertEquals(EngineOutput.Kind.DISPLAY, output.kind());
        assertEquals("<b>hi</b>", output.data().get("text/html"));
        assertEquals(List.of(), cells.displayed());
    }

    @Test
    void aRemoteExceptionReachesTheCellAsACompositeError() {
        CellOutcome.RuntimeError error = cells.evalFailing("v.applySync(() -> 1 / 0)");
        assertEquals("org.jparallel.client.CompositeError", error.exceptionClass());
        assertTrue(error.message().contains("[0:apply] java.lang.ArithmeticException: / by zero"), error.message());
    }

    @Test
    void anExceptionClassOfACellIsNamedAsTheCellNamesIt() {
        cells.eval("class NotReady extends RuntimeException { NotReady(String m) { super(m); } }");
        CellOutcome.RuntimeError error = cells.evalFailing("rc.engine(0).applySync(() -> { throw new NotReady(\"later\"); })");
        assertTrue(error.message().startsWith("[0:apply] NotReady: later"), error.message());
        cells.eval("String thrownBy(int engine) { try { rc.engine(engine).applySync(() -> { throw new NotReady(\"x\"); });"
                + " return \"nothing\"; } catch (RemoteError e) { return e.remoteClassName(); } }");
        assertEquals("NotReady", cells.eval("thrownBy(1)"));
    }

    @Test
    void flagsGivenTogetherRunTheTask() {
        assertEquals(5, cells.eval("rc.loadBalancedView().withFlags(timeout(Duration.ofSeconds(30)), retries(1),"
                + " label(\"five\")).applySync(() -> 5)"));
    }

    @Test
    void aLambdaSubmittedToTheExecutorRunsWithTheCellsMethods() {
        cells.eval("long square(long x) { return x * x; }");
        cells.eval("var executor = rc.executor();");
        assertEquals(49L, cells.eval("executor.submit(() -> square(7)).get()"));
        cells.eval("var squares = executor.invokeAll(List.<Fn0<Long>>of(() -> square(2), () -> square(3)));");
        assertEquals(13L, cells.eval("squares.get(0).get() + squares.get(1).get()"));
    }

    @Test
    void anExecutorTypedAsExecutorServiceRunsTheCellsCallables() {
        cells.eval("java.util.concurrent.ExecutorService plain = rc.executor();");
        assertEquals(1, cells.eval("plain.submit(() -> 1).get()"));
        assertEquals(List.of(2, 3), cells.eval("plain.invokeAll(List.of(() -> 2, () -> 3)).stream()"
                + ".map(f -> { try { return f.get(); } catch (Exception e) { throw new RuntimeException(e); } }).toList()"));
    }

    @Test
    void aRecordOfTheCellsPushedToEnginesIsTheirsByName() {
        cells.eval("record Money(String currency, long cents) { Money twice() { return new Money(currency, 2 * cents); } }");
        cells.eval("record Basket(List<Money> items) { }");
        cells.eval("inCells.all().pushSync(Map.of(\"basket\", new Basket(List.of(new Money(\"EUR\", 250)))));");
        cells.eval("inCells.all().executeSync(\"long doubled = basket.items().get(0).twice().cents();\");");
        assertEquals(List.of(500L, 500L), cells.eval("inCells.all().pullSync(\"doubled\")"));
    }

    @Test
    void aPushedRecordComesWithTheInterfaceOfTheCellsItImplements() {
        cells.eval("interface Shape { double area(); }");
        cells.eval("record Square(double side) implements Shape { public double area() { return side * side; } }");
        cells.eval("inCells.all().pushSync(Map.of(\"shape\", new Square(3)));");
        cells.eval("inCells.all().executeSync(\"Shape asShape = shape; double area = asShape.area();\");");
        assertEquals(List.of(9.0, 9.0), cells.eval("inCells.all().pullSync(\"area\")"));
    }

    @Test
    void aPushedRecordOfASealedInterfaceComesWithItsSiblings() {
        cells.eval("sealed interface Figure permits Disc, Tile { }");
        cells.eval("record Disc(double r) implements Figure { }");
        cells.eval("record Tile(double side) implements Figure { }");
        cells.eval("inCells.all().pushSync(Map.of(\"figure\", new Tile(2)));");
        cells.eval("inCells.all().executeSync(\"Figure f = figure; double side = f instanceof Tile t ? t.side() : -1;\");");
        assertEquals(List.of(2.0, 2.0), cells.eval("inCells.all().pullSync(\"side\")"));
    }

    @Test
    void anEnumOfTheCellsPushedToEnginesIsTheirsByNameAndComesBackAsOurs() {
        cells.eval("enum Suit { HEARTS, SPADES { boolean black() { return true; } }; boolean black() { return false; } }");
        cells.eval("record Card(Suit suit, int rank) { }");
        cells.eval("inCells.all().pushSync(Map.of(\"card\", new Card(Suit.SPADES, 12)));");
        cells.eval("inCells.all().executeSync(\"boolean black = card.suit() == Suit.SPADES && card.suit().black();\");");
        assertEquals(List.of(true, true), cells.eval("inCells.all().pullSync(\"black\")"));
        assertEquals(true, cells.eval("inCells.engine(0).<Card>pullSync(\"card\").suit() == Suit.SPADES"));
    }

    @Test
    void aLambdaTakesTheEnginesRecordsByReferenceAsItsOwnType() {
        cells.eval("record Reading(String sensor, double value) { }");
        cells.eval("inCells.all().scatterSync(\"readings\", List.of(new Reading(\"a\", 1), new Reading(\"b\", 2),"
                + " new Reading(\"c\", 3), new Reading(\"d\", 4)));");
        assertEquals(List.of(3.0, 7.0), cells.eval("inCells.all().applySync((List<Reading> rs) ->"
                + " rs.stream().mapToDouble(Reading::value).sum(), Reference.to(\"readings\"))"));
        assertEquals("Reading[sensor=a, value=1.0]", cells.eval("inCells.engine(0).applySync((List<Reading> rs) -> rs.get(0),"
                + " Reference.to(\"readings\")).toString()"));
    }

    @Test
    void aRecordRedeclaredInTheCellsIsDeclaredAgainByTheNextPush() {
        cells.eval("record Sample(double value) { }");
        cells.eval("inCells.all().pushSync(Map.of(\"sample\", new Sample(1)));");
        cells.eval("record Sample(double value, String unit) { }");
        cells.eval("inCells.all().pushSync(Map.of(\"sample\", new Sample(2, \"kg\")));");
        assertEquals(List.of("kg", "kg"), cells.eval("inCells.all().executeSync(\"String unit = sample.unit();\");"
                + " inCells.all().pullSync(\"unit\")"));
    }

    @Test
    void aRecordTheEnginesDeclaredThemselvesStaysTheirs() {
        cells.eval("inCells.all().executeSync(\"record Gauge(int level) { String own() { return \\\"engine's\\\"; } }\");");
        cells.eval("record Gauge(int level) { }");
        cells.eval("inCells.all().pushSync(Map.of(\"gauge\", new Gauge(3)));");
        assertEquals(List.of("engine's", "engine's"), cells.eval("inCells.all().executeSync(\"String whose = gauge.own();\");"
                + " inCells.all().pullSync(\"whose\")"));
    }
    @Test
    void aLambdaInAFieldOfAPushedObjectMakesTheEnginesRecords() {
        cells.eval("record Tag(String t) { }");
        cells.eval("class Bag { java.util.function.Supplier<Tag> make = () -> new Tag(\"made\"); }");
        cells.eval("inCells.all().pushSync(Map.of(\"bag\", new Bag()));");
        assertEquals(List.of("made", "made"), cells.eval("inCells.all().executeSync(\"String made = bag.make.get().t();\");"
                + " inCells.all().pullSync(\"made\")"));
    }
    @Test
    void aPushedLambdaIsDeclaredWithItsTypeArguments() {
        cells.eval("java.util.function.Function<Integer, Integer> square = x -> x * x;");
        cells.eval("inCells.all().pushSync(Map.of(\"square\", square));");
        assertEquals(List.of(17, 17), cells.eval("inCells.all().executeSync(\"int seventeen = square.apply(4) + 1;\");"
                + " inCells.all().pullSync(\"seventeen\")"));
    }

    @Test
    void aPushedOperatorIsDeclaredWithTheTypeArgumentOfItsInterface() {
        cells.eval("java.util.function.BinaryOperator<String> joined = (a, b) -> a + b;");
        cells.eval("inCells.all().pushSync(Map.of(\"joined\", joined));");
        assertEquals(List.of(3, 3), cells.eval("inCells.all().executeSync(\"int length = joined.apply("
                + "String.valueOf(1), String.valueOf(23)).length();\"); inCells.all().pullSync(\"length\")"));
    }
    @Test
    void aPushedArrayOfTheCellsRecordsOrEnumsIsDeclaredAsOne() {
        cells.eval("record Cell(int n) { int twice() { return 2 * n; } }");
        cells.eval("enum Level { LOW, HIGH }");
        cells.eval("inCells.all().pushSync(Map.of(\"grid\", new Cell[] {new Cell(1), new Cell(4)}, \"levels\", Level.values()));");
        assertEquals(List.of(8, 8), cells.eval("inCells.all().executeSync(\"int eight = grid[1].twice() + levels[1].compareTo(Level.LOW) - 1;\");"
                + " inCells.all().pullSync(\"eight\")"));
    }
    @Test
    void aPushedListOfASealedInterfacesRecordsIsDeclaredAsAListOfTheInterface() {
        cells.eval("sealed interface Outline permits Ring, Block { double area(); }");
        cells.eval("record Ring(double r) implements Outline { public double area() { return 3 * r * r; } }");
        cells.eval("record Block(double side) implements Outline { public double area() { return side * side; } }");
        cells.eval("inCells.all().pushSync(Map.of(\"outlines\", List.of(new Ring(1), new Block(2))));");
        assertEquals(List.of(7.0, 7.0), cells.eval("inCells.all().executeSync(\"double area = 0;"
                + " for (Outline o : outlines) { area += o.area(); }\"); inCells.all().pullSync(\"area\")"));
    }
    @Test
    void aPushThatDeclaresATypeAnewShowsWhatTheEnginesSaid() {
        cells.eval("record Weight(double kg) { }");
        cells.eval("inCells.all().pushSync(Map.of(\"weight\", new Weight(1)));");
        cells.eval("record Weight(double kg, String label) { }");
        String said = stderrOf("inCells.all().pushSync(Map.of(\"labelled\", new Weight(2, \"kg\")));");
        assertTrue(said.contains("[stderr:0]") && said.contains("weight was reset to null: Weight changed"), said);
    }

    @Test
    void aPushedSealedFamilyIsDeclaredWithoutNotesOfItsMembersWaitingForEachOther() {
        cells.eval("sealed interface Tint permits Red, Blue { }");
        cells.eval("record Red(int level) implements Tint { }");
        cells.eval("record Blue(int level) implements Tint { }");
        String said = stderrOf("inCells.all().pushSync(Map.of(\"tints\", List.<Tint>of(new Red(1), new Blue(2))));");
        assertTrue(!said.contains("cannot be used until"), said);
        assertEquals(List.of(2, 2), cells.eval("inCells.all().executeSync(\"int blue = tints.get(1) instanceof Blue b"
                + " ? b.level() : -1;\"); inCells.all().pullSync(\"blue\")"));
    }

    @Test
    void aScatteredListIsDeclaredWithTheElementTypeOfTheWholeListOnEveryEngine() {
        cells.eval("sealed interface Piece permits Pawn, Rook { int worth(); }");
        cells.eval("record Pawn() implements Piece { public int worth() { return 1; } }");
        cells.eval("record Rook() implements Piece { public int worth() { return 5; } }");
        cells.eval("inCells.all().scatterSync(\"pieces\", List.of(new Pawn(), new Rook(), new Rook()));");
        assertEquals(List.of(7, 6), cells.eval("inCells.all().executeSync(\"pieces.add(new Pawn());"
                + " int worth = pieces.stream().mapToInt(Piece::worth).sum();\"); inCells.all().pullSync(\"worth\")"));
    }

    @Test
    void anEngineWhoseScatteredChunkIsEmptyGetsTheListsElementTypeToo() {
        cells.eval("record Coin(int cents) { }");
        cells.eval("inCells.all().scatterSync(\"coins\", List.of(new Coin(5)));");
        assertEquals(List.of(5, 0), cells.eval("inCells.all().executeSync(\"int cents = coins.stream()"
                + ".mapToInt(Coin::cents).sum();\"); inCells.all().pullSync(\"cents\")"));
    }
    @Test
    void aPushedLambdaOfACellTakesAndMakesTheEnginesRecords() {
        cells.eval("record Leg(double len) { double sq() { return len * len; } Leg twice() { return new Leg(2 * len); } }");
        cells.eval("java.util.function.Function<Leg, Double> legSquare = Leg::sq;");
        cells.eval("java.util.function.UnaryOperator<Leg> legTwice = l -> l.twice();");
        cells.eval("inCells.all().pushSync(Map.of(\"leg\", new Leg(2), \"legSquare\", legSquare, \"legTwice\", legTwice));");
        assertEquals(List.of(16.0, 16.0), cells.eval("inCells.all().executeSync(\"double sixteen ="
                + " legSquare.apply(legTwice.apply(leg));\"); inCells.all().pullSync(\"sixteen\")"));
    }

    @Test
    void aLambdaMadeOnAnEngineTakesTheNotebooksRecordsWhenPulled() {
        cells.eval("record Span(double len) { double sq() { return len * len; } }");
        cells.eval("inCells.all().pushSync(Map.of(\"span\", new Span(1)));");
        cells.eval("inCells.engine(0).executeSync(\"java.util.function.Function<Span, Double> plusOne = s -> s.sq() + 1;\");");
        assertEquals(5.0, cells.eval("inCells.engine(0).<java.util.function.Function<Span, Double>>pullSync(\"plusOne\")"
                + ".apply(new Span(2))"));
    }

    @Test
    void aPushedLambdaOfAnInterfaceOfTheCellsIsDeclaredAsThatInterface() {
        cells.eval("interface Scaler { double scale(double x); }");
        cells.eval("Scaler halve = x -> x / 2;");
        cells.eval("inCells.all().pushSync(Map.of(\"halve\", halve));");
        assertEquals(List.of(2.0, 2.0), cells.eval("inCells.all().executeSync(\"double two = halve.scale(4);\");"
                + " inCells.all().pullSync(\"two\")"));
    }

    @Test
    void aPushedLambdaMadeAnewOnTheEnginesComesBackWhenPulled() {
        cells.eval("interface Doubler { int twice(int x); }");
        cells.eval("Doubler doubler = x -> 2 * x;");
        cells.eval("inCells.all().pushSync(Map.of(\"doubler\", doubler));");
        assertEquals(16, cells.eval("inCells.engine(1).<Doubler>pullSync(\"doubler\").twice(8)"));
    }

    @Test
    void aPushedObjectWhoseFieldHoldsALambdaOfAnInterfaceOfTheCellsIsTheEnginesOwn() {
        cells.eval("interface IntOp { int op(int x); }");
        cells.eval("class Sevens { IntOp f = x -> x * 7; int apply(int x) { return f.op(x); } }");
        cells.eval("inCells.all().pushSync(Map.of(\"sevens\", new Sevens()));");
        assertEquals(List.of(21, 21), cells.eval("inCells.all().executeSync(\"int got = sevens.apply(3);\");"
                + " inCells.all().pullSync(\"got\")"));
    }

    @Test
    void aLambdaReadingAVariableThatHoldsACellsRecordTakesTheEnginesRecords() {
        cells.eval("record Knot(int n) { }");
        cells.eval("Knot base = new Knot(10);");
        cells.eval("java.util.function.Function<Knot, Integer> plusBase = k -> k.n() + base.n();");
        cells.eval("inCells.all().pushSync(Map.of(\"knot\", new Knot(1), \"plusBase\", plusBase));");
        assertEquals(List.of(11, 11), cells.eval("inCells.all().executeSync(\"int eleven = plusBase.apply(knot);\");"
                + " inCells.all().pullSync(\"eleven\")"));
    }

    @Test
    void aTreeMapOrderedByACellsLambdaStaysATreeMap() {
        cells.eval("record Rank(int n) { }");
        cells.eval("var ranks = new java.util.TreeMap<Rank, String>(java.util.Comparator.comparingInt(Rank::n));");
        cells.eval("ranks.put(new Rank(2), \"b\"); ranks.put(new Rank(1), \"a\");");
        cells.eval("inCells.all().pushSync(Map.of(\"ranks\", ranks));");
        assertEquals(List.of("a", "a"), cells.eval("inCells.all().executeSync(\"String first = ranks.firstEntry().getValue()"
                + " + (ranks.get(new Rank(1)) == null ? \\\"missing\\\" : \\\"\\\");\");"
                + " inCells.all().pullSync(\"first\")"));
    }
}

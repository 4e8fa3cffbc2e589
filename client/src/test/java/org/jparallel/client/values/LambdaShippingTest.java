package org.jparallel.client.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jparallel.display.Display;
import org.jparallel.display.DisplayEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Lambdas and records typed in a JShell session, decoded on "the other side": this test's JVM. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LambdaShippingTest {

    private JShellSender kernel;

    @BeforeAll
    void open() {
        kernel = new JShellSender();
    }

    @AfterAll
    void close() {
        kernel.close();
    }

    private ValueDecoder otherSide() {
        return new ValueDecoder(getClass().getClassLoader());
    }

    @SuppressWarnings("unchecked")
    private static Object call(DecodedCall call) throws Exception {
        return ((SerialFn<Object, Object>) call.function()).apply(call.args().get(0));
    }

    @Test
    void lambdaTypedInACellRunsOnTheOtherSide() throws Exception {
        kernel.run("SerialFn<Integer, Integer> square = x -> x * x;");
        List<byte[]> frames = kernel.encoder().encodeCall(kernel.variable("square"), 12);
        assertEquals(144, call(otherSide().decodeCall(frames)));
    }

    @Test
    void encoderWithoutTheSessionsBytecodeStillShipsCellClasses() throws Exception {
        kernel.run("record Pair(int a, int b) {}").run("SerialFn<Integer, Object> pair = n -> new Pair(n, n + 1);");
        List<byte[]> frames = new ValueEncoder(ClassBytes.none()).encodeCall(kernel.variable("pair"), 5);
        assertEquals("Pair[a=5, b=6]", call(otherSide().decodeCall(frames)).toString());
    }

    @Test
    void lambdaUsesARecordAndAMethodDeclaredInEarlierCells() throws Exception {
        kernel.run("record Point(int x, int y) {}")
                .run("int twice(int n) { return 2 * n; }")
                .run("SerialFn<Integer, Object> toPoint = n -> new Point(n, twice(n));");
        Object point = call(otherSide().decodeCall(kernel.encoder().encodeCall(kernel.variable("toPoint"), 3)));
        assertEquals("Point[x=3, y=6]", point.toString());
    }

    @Test
    void lambdaReadsACellVariableByValue() throws Exception {
        kernel.run("int k = 7;").run("SerialFn<Integer, Integer> plusK = x -> x + k;");
        assertEquals(10, call(otherSide().decodeCall(kernel.encoder().encodeCall(kernel.variable("plusK"), 3))));
    }

    @Test
    void cellVariableHoldingARecordArrivesByValue() throws Exception {
        kernel.run("record Scale(int factor) {}").run("Scale scale = new Scale(3);")
                .run("SerialFn<Integer, Integer> scaled = x -> x * scale.factor();");
        assertEquals(12, call(otherSide().decodeCall(kernel.encoder().encodeCall(kernel.variable("scaled"), 4))));
    }

    @Test
    void unserializableValueCapturedByALambdaIsNamed() {
        kernel.run("SerialFn<Integer, Integer> hashOf(Object o) { return x -> o.hashCode(); }")
                .run("SerialFn<Integer, Integer> capturing = hashOf(new Thread(() -> {}));");
        UnserializableValueException e = assertThrows(UnserializableValueException.class,
                () -> kernel.encoder().encodeCall(kernel.variable("capturing"), 1));
        assertEquals("function.captured[0]", e.path());
        assertEquals("java.lang.Thread", e.className());
    }

    /** Not Serializable, as a program's classes often are not. */
    static final class Tally {
        final int scale = 3;

        org.jparallel.client.Fn<Integer, Integer> times() {
            return x -> x * scale;
        }
    }

    @Test
    void aLambdaThatCapturedTheObjectItWasWrittenInSaysSoAndWhatToDo() {
        UnserializableValueException e = assertThrows(UnserializableValueException.class,
                () -> new ValueEncoder(ClassBytes.none()).encodeCall(new Tally().times(), 1));
        assertEquals("function.captured this", e.path());
        assertTrue(e.getMessage().contains("the lambda captures `this`, the " + Tally.class.getName() + " it was"
                + " written in, since it reads a field or calls a method of it"), e.getMessage());
        assertTrue(e.getMessage().contains("copy what the lambda needs into a local variable first"), e.getMessage());
    }

    @Test
    void anAnonymousClassOfACellTravelsWithWhatItCaptured() throws Exception {
        kernel.run("int step = 5;")
                .run("java.util.Comparator<Integer> byDistance = new java.util.Comparator<>() {"
                        + " public int compare(Integer a, Integer b) { return Math.abs(a - step) - Math.abs(b - step); } };")
                .run("SerialFn<Integer, Integer> nearest = x -> java.util.stream.Stream.of(1, 4, 9).min(byDistance).get() + x;");
        assertEquals(4, call(otherSide().decodeCall(kernel.encoder().encodeCall(kernel.variable("nearest"), 0))));
    }

    @Test
    void anAnonymousClassHoldingWhatCannotTravelIsNamedWithItsField() {
        kernel.run("Object holder = new Object() { Thread worker = new Thread(() -> { }); };")
                .run("SerialFn<Integer, Integer> holding = x -> holder.hashCode();");
        UnserializableValueException e = assertThrows(UnserializableValueException.class,
                () -> kernel.encoder().encodeCall(kernel.variable("holding"), 1));
        assertEquals("function reads the cell variable holder.worker", e.path());
        assertEquals("java.lang.Thread", e.className());
    }

    @Test
    void cellVariableChangedInTheSenderArrivesWithTheNextCall() throws Exception {
        ValueDecoder engine = otherSide();
        kernel.run("int offset = 1;").run("SerialFn<Integer, Integer> shift = x -> x + offset;");
        assertEquals(4, call(engine.decodeCall(kernel.encoder().encodeCall(kernel.variable("shift"), 3))));
        kernel.run("offset = 100;");
        assertEquals(103, call(engine.decodeCall(kernel.encoder().encodeCall(kernel.variable("shift"), 3))));
    }

    @Test
    void methodRedefinedUnderTheSameLambdaIsSeenOnTheNextCall() throws Exception {
        ValueDecoder engine = otherSide();
        kernel.run("int step(int x) { return x + 1; }").run("SerialFn<Integer, Integer> viaStep = x -> step(x);");
        assertEquals(4, call(engine.decodeCall(kernel.encoder().encodeCall(kernel.variable("viaStep"), 3))));
        kernel.run("int step(int x) { return x + 50; }");
        Object here = ((SerialFn<Integer, Integer>) kernel.variable("viaStep")).apply(3);
        assertEquals(here, call(engine.decodeCall(kernel.encoder().encodeCall(kernel.variable("viaStep"), 3))));
    }

    @Test
    void sameLambdaCapturingRecordsOfDifferentCellsShipsEachRecordsClass() throws Exception {
        ValueDecoder engine = otherSide();
        kernel.run("record Left(int n) {}").run("record Right(String s) {}")
                .run("SerialFn<Integer, Object> holding(Object o) { return x -> o; }")
                .run("var left = holding(new Left(1));").run("var right = holding(new Right(\"r\"));");
        assertEquals("Left[n=1]", call(engine.decodeCall(kernel.encoder().encodeCall(kernel.variable("left"), 0))).toString());
        assertEquals("Right[s=r]", call(engine.decodeCall(kernel.encoder().encodeCall(kernel.variable("right"), 0))).toString());
        assertEquals("Left[n=1]", call(engine.decodeCall(kernel.encoder().encodeCall(kernel.variable("left"), 0))).toString());
    }

    @Test
    void recordCreatedInJShellDecodesOutside() {
        kernel.run("record Sample(String name, double[] xs) {}")
                .run("Sample sample = new Sample(\"s\", new double[] {1, 2});");
        Object decoded = otherSide().decode(kernel.encode("sample"));
        assertEquals("REPL.$JShell$", decoded.getClass().getName().substring(0, 13));
        assertTrue(decoded.getClass().getName().endsWith("$Sample"));
        assertNotSame(kernel.variable("sample").getClass(), decoded.getClass());
        assertTrue(decoded.toString().startsWith("Sample[name=s, xs=[D@"), decoded.toString());
    }

    @Test
    void redefinedMethodIsSeenAfterRedefinition() throws Exception {
        ValueDecoder engine = otherSide();
        kernel.run("int bump(int x) { return x + 1; }")
                .run("SerialFn<Integer, Integer> viaBump = x -> bump(x);");
        assertEquals(4, call(engine.decodeCall(kernel.encoder().encodeCall(kernel.variable("viaBump"), 3))));
        kernel.run("int bump(int x) { return x + 1000; }")
                .run("SerialFn<Integer, Integer> viaBump = x -> bump(x);");
        assertEquals(1003, call(engine.decodeCall(kernel.encoder().encodeCall(kernel.variable("viaBump"), 3))));
    }

    @Test
    void methodRecompiledAfterARedefinitionIsSeen() throws Exception {
        ValueDecoder engine = otherSide();
        kernel.run("int inner(int x) { return x * x; }")
                .run("int outer(int x) { return inner(inner(x)); }")
                .run("SerialFn<Integer, Integer> viaOuter = x -> outer(x);");
        assertEquals(81, call(engine.decodeCall(kernel.encoder().encodeCall(kernel.variable("viaOuter"), 3))));
        kernel.run("int inner(int x) { return x + 1; }").run("viaOuter = x -> outer(x);");
        assertEquals(5, call(engine.decodeCall(kernel.encoder().encodeCall(kernel.variable("viaOuter"), 3))));
    }

    @Test
    void recordSentAndReturnedComesBackAsTheSendersOwnClass() throws Exception {
        kernel.run("record Pair(int a, int b) {}")
                .run("SerialFn<Integer, Object> pairOf = n -> new Pair(n, n + 1);");
        ValueDecoder engine = otherSide();
        Object onEngine = call(engine.decodeCall(kernel.encoder().encodeCall(kernel.variable("pairOf"), 5)));
        List<byte[]> reply = new ValueEncoder(ClassBytes.none()).encode(onEngine);
        ValueDecoder kernelSide = new ValueDecoder(getClass().getClassLoader(), kernel.encoder());
        Object back = kernelSide.decode(reply);
        kernel.run("Object mine = new Pair(0, 0);");
        assertSame(kernel.variable("mine").getClass(), back.getClass());
        assertEquals("Pair[a=5, b=6]", back.toString());
    }

    @Test
    void aFunctionAndAComparatorKeptInCellVariablesTravel() throws Exception {
        kernel.run("java.util.function.Function<Integer, Integer> inc = x -> x + 1;")
                .run("var byLength = new java.util.TreeMap<String, Integer>((a, b) -> a.length() - b.length());")
                .run("byLength.put(\"ccc\", 3); byLength.put(\"a\", 1);")
                .run("SerialFn<Integer, Object> both = x -> inc.apply(x) + \" \" + byLength.firstKey();");
        assertEquals("5 a", call(otherSide().decodeCall(kernel.encoder().encodeCall(kernel.variable("both"), 4))));
    }

    @Test
    void aComparatorLambdaOfASortedMapIsNamedWithTheCastThatMakesItTravel() {
        java.util.TreeMap<String, Integer> byLength = new java.util.TreeMap<>((a, b) -> a.length() - b.length());
        UnserializableValueException e = assertThrows(UnserializableValueException.class,
                () -> new ValueEncoder(ClassBytes.none()).encode(new Holder(byLength)));
        assertEquals("value.field.comparator()", e.path());
        assertTrue(e.getMessage().contains("a lambda of java.util.Comparator, which is not Serializable: make it"
                + " serializable where it is written: give it a type of the client API (Fn, Fn2, …) or cast it, as in"
                + " (Comparator<…> & java.io.Serializable) (…) -> …"), e.getMessage());
    }

    @Test
    void aLambdaInsideAJdkLambdaIsNamedByWhereItWasMade() {
        java.util.Comparator<String> order = java.util.Comparator.comparingInt(s -> s.length());
        UnserializableValueException e = assertThrows(UnserializableValueException.class,
                () -> new ValueEncoder(ClassBytes.none()).encode(new Holder(order)));
        assertTrue(e.getMessage().contains("it holds a lambda made in " + getClass().getName()
                + " whose type is not Serializable"), e.getMessage());
    }

    @Test
    void lambdaOfANonSerializableInterfaceFailsNamingIt() {
        java.util.function.Function<Integer, Integer> plain = x -> x; // compiled outside cells, as a program's are
        UnserializableValueException e = assertThrows(UnserializableValueException.class,
                () -> new ValueEncoder(ClassBytes.none()).encodeCall(plain, 1));
        assertEquals("function", e.path());
        assertTrue(e.getMessage().contains("a lambda of java.util.function.Function, which is not Serializable"),
                e.getMessage());
    }

    @Test
    void cellVariableThatCannotBeSerializedIsNamedWithTheCodeThatReadsIt() {
        kernel.run("Thread worker = new Thread(() -> {});")
                .run("SerialFn<Integer, String> workerName = x -> worker.getName();");
        UnserializableValueException e = assertThrows(UnserializableValueException.class,
                () -> kernel.encoder().encodeCall(kernel.variable("workerName"), 1));
        assertEquals("function reads the cell variable worker", e.path());
        assertEquals("java.lang.Thread", e.className());
    }

    @Test
    void aFunctionThatDisplaysShowsThroughTheReceiversDisplay() throws Exception {
        kernel.run("org.jparallel.display.Display shown = new org.jparallel.display.Display(event -> {"
                        + " throw new AssertionError(\"shown in the sender\"); });")
                .run("SerialFn<Integer, Integer> showing = x -> { shown.display(x * 2); return x; };");
        List<DisplayEvent> onEngine = new ArrayList<>();
        ValueDecoder engine = otherSide().withDisplay(new Display(onEngine::add));

        assertEquals(21, call(engine.decodeCall(kernel.encoder().encodeCall(kernel.variable("showing"), 21))));

        assertEquals(1, onEngine.size());
        assertEquals("42", onEngine.get(0).bundle().data().get("text/plain"));
    }

    @Test
    void aDisplayCannotBeDecodedWhereNoneShowsOutput() {
        kernel.run("org.jparallel.display.Display elsewhere = new org.jparallel.display.Display(event -> {});")
                .run("SerialFn<Integer, Integer> displaying = x -> { elsewhere.display(x); return x; };");
        List<byte[]> frames = kernel.encoder().encodeCall(kernel.variable("displaying"), 1);

        UndecodableValueException e = assertThrows(UndecodableValueException.class,
                () -> otherSide().decodeCall(frames));
        assertTrue(e.getMessage().contains("a display came to a JVM that shows no output"), e.getMessage());
    }

    @Test
    void objectOfAClassDeclaredInACellTravelsWithoutImplementsSerializable() throws Exception {
        kernel.run("class Particle { double x; Particle(double x) { this.x = x; } double next() { return 2 * x; }"
                        + " public String toString() { return \"Particle \" + x; } }")
                .run("Particle particle = new Particle(3);")
                .run("SerialFn<Integer, Object> stepped = n -> new Particle(particle.next() + n);");
        Object back = call(otherSide().decodeCall(kernel.encoder().encodeCall(kernel.variable("stepped"), 1)));
        assertTrue(back.getClass().getName().endsWith("$Particle"), back.getClass().getName());
        assertEquals("Particle 7.0", back.toString());
    }

    @Test
    void fieldOfACellClassThatCannotTravelIsNamed() {
        kernel.run("class Handle { Object lock = new Object(); }").run("Handle handle = new Handle();")
                .run("SerialFn<Integer, Integer> useHandle = x -> handle.hashCode();");
        UnserializableValueException e = assertThrows(UnserializableValueException.class,
                () -> kernel.encoder().encodeCall(kernel.variable("useHandle"), 1));
        assertEquals("function reads the cell variable handle.lock", e.path());
        assertEquals("java.lang.Object", e.className());
    }
}

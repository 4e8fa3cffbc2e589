package org.jparallel.client.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Which cell variables travel with code typed in JShell: those the code can reach, and no others. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CellVariableReachTest {

    private JShellSender kernel;

    @BeforeAll
    void open() {
        kernel = new JShellSender();
    }

    @AfterAll
    void close() {
        kernel.close();
    }

    @SuppressWarnings("unchecked")
    private Object callOnTheOtherSide(String function, Object arg) throws Exception {
        DecodedCall call = new ValueDecoder(getClass().getClassLoader())
                .decodeCall(kernel.encoder().encodeCall(kernel.variable(function), arg));
        return ((SerialFn<Object, Object>) call.function()).apply(call.args().get(0));
    }

    private UnserializableValueException encodingFails(String function) {
        return assertThrows(UnserializableValueException.class,
                () -> kernel.encoder().encodeCall(kernel.variable(function), 1));
    }

    @Test
    void viewInACellVariableDoesNotStopTheLambdaMappedOverIt() {
        kernel.define("rc", "LocalView", new LocalView(kernel.encoder()))
                .run("var v = rc;")
                .run("var squares = v.map(x -> x * x, java.util.List.of(1, 2, 3));");
        assertEquals(List.of(1, 4, 9), kernel.variable("squares"));
    }

    @Test
    void unserializableVariableTheCallingCellReadsStaysHome() throws Exception {
        kernel.run("var lock = new Object();")
                .run("Object submit(Object view, SerialFn<Integer, Integer> f) { return f; }")
                .run("var sent = submit(lock, x -> x * x);");
        assertEquals(144, callOnTheOtherSide("sent", 12));
    }

    @Test
    void variableReadThroughACellMethodArrives() throws Exception {
        kernel.run("int k = 3;").run("int twice(int n) { return n * k; }")
                .run("SerialFn<Integer, Integer> viaTwice = x -> twice(x);");
        assertEquals(12, callOnTheOtherSide("viaTwice", 4));
    }

    @Test
    void unserializableVariableTheLambdaReadsFailsNamingIt() {
        kernel.run("var guard = new Object();").run("SerialFn<Integer, Integer> guarded = x -> guard.hashCode();");
        UnserializableValueException e = encodingFails("guarded");
        assertEquals("function reads the cell variable guard", e.path());
        assertEquals("java.lang.Object", e.className());
        assertTrue(e.getMessage().contains("java.lang.Object is not serializable"), e.getMessage());
    }

    @Test
    void unserializableVariableReadThroughACellMethodFailsNamingIt() {
        kernel.run("var mutex = new Object();").run("int mutexHash() { return mutex.hashCode(); }")
                .run("SerialFn<Integer, Integer> viaMutex = x -> mutexHash();");
        UnserializableValueException e = encodingFails("viaMutex");
        assertEquals("function reads the cell variable mutex", e.path());
    }

    @Test
    void variableTheLambdaWritesArrivesWithItsValue() throws Exception {
        kernel.run("int total = 100;").run("SerialFn<Integer, Integer> addToTotal = x -> total += x;");
        assertEquals(103, callOnTheOtherSide("addToTotal", 3));
        assertEquals(100, kernel.variable("total"));
    }

    @Test
    void recordMethodReadingAVariableGetsItsValue() throws Exception {
        kernel.run("int bonus = 4;").run("record Score(int points) { int withBonus() { return points + bonus; } }")
                .run("SerialFn<Integer, Integer> scored = x -> new Score(x).withBonus();");
        assertEquals(7, callOnTheOtherSide("scored", 3));
    }

    @Test
    void recordSentAsAValueCarriesTheVariablesItsMethodsRead() throws Exception {
        kernel.run("int extra = 5;").run("record Tally(int n) { int plusExtra() { return n + extra; } }")
                .run("Tally tally = new Tally(10);");
        Object decoded = new ValueDecoder(getClass().getClassLoader()).decode(kernel.encode("tally"));
        Method plusExtra = decoded.getClass().getDeclaredMethod("plusExtra");
        plusExtra.setAccessible(true);
        assertEquals(15, plusExtra.invoke(decoded));
    }

    @Test
    void cellClassWhoseMethodReadsAVariableGetsItsValue() throws Exception {
        kernel.run("int step = 5;")
                .run("class Adder implements SerialFn<Integer, Integer> {"
                        + " public Integer apply(Integer x) { return x + step; } }")
                .run("SerialFn<Integer, Integer> adder = new Adder();");
        assertEquals(6, callOnTheOtherSide("adder", 1));
    }

    @Test
    void staticInitializerReadingAVariableGetsItsValue() throws Exception {
        kernel.run("int seed = 9;").run("class Seeded { static final int START = seed * 2; }")
                .run("SerialFn<Integer, Integer> fromSeed = x -> Seeded.START + x;");
        assertEquals(19, callOnTheOtherSide("fromSeed", 1));
    }

    @Test
    void lambdaUsingReflectionShipsEveryVariableItsClassesHold() {
        kernel.run("var secret = new Object();")
                .run("Object hand(Object view, SerialFn<Integer, Object> f) { return f; }")
                .run("var reflective = hand(secret, x -> Class.forName(\"java.lang.String\").getName());");
        UnserializableValueException e = encodingFails("reflective");
        assertEquals("function reads the cell variable secret", e.path());
    }
}

package org.jparallel.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.jparallel.repl.CellOutcome;
import org.jparallel.repl.JavaSession;
import org.jparallel.repl.SessionOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which of the cells' types a push declares on engines. */
class PushedDeclarationsTest {
    private final JavaSession cells = JavaSession.open(SessionOptions.defaults());

    @AfterEach
    void close() {
        cells.close();
    }

    private Object made(String cell, String value) {
        assertInstanceOf(CellOutcome.Success.class, cells.eval(cell));
        CellOutcome.Success outcome = assertInstanceOf(CellOutcome.Success.class, cells.eval(value));
        return outcome.value().orElseThrow().object();
    }

    private List<String> declaredFor(Object value) {
        List<String> names = new java.util.ArrayList<>();
        PushedDeclarations.of(List.of(value), cells.declaredTypes())
                .forEach(declaration -> names.add(declaration.getAsJsonObject().get("name").getAsString()));
        return names;
    }

    @Test
    void aClassIsDeclaredAfterItsSuperclassAndTheTypesOfItsFields() {
        Object runner = made("record Step(int n) { }\nclass Walker { Step last; }\nclass Runner extends Walker { }",
                "new Runner()");
        assertEquals(List.of("Step", "Walker", "Runner"), declaredFor(runner));
    }

    @Test
    void aLambdaComesWithTheCellsInterfaceItImplements() {
        Object halve = made("interface Scaler { double scale(double x); }", "(Scaler) x -> x / 2");
        assertEquals(List.of("Scaler"), declaredFor(halve));
    }

    @Test
    void aLambdaComesWithTheRecordsItTakesAndWhatItCaptured() {
        Object cost = made("record Item(double cost) { }\nrecord Rate(double factor) { }",
                "new Object() { java.util.function.Function<Item, Double> of(Rate rate) {"
                        + " return (java.util.function.Function<Item, Double> & java.io.Serializable) item -> item.cost() * rate.factor(); } }"
                        + ".of(new Rate(2))");
        assertEquals(java.util.Set.of("Item", "Rate"), java.util.Set.copyOf(declaredFor(cost)));
    }

    @Test
    void aGraphWithCyclesAndSharedPartsIsWalkedOnce() {
        Object shared = made("class Node { Node left, right; }\n"
                        + "Node grown(int depth) { Node n = new Node(); if (depth > 0) { n.left = n.right = grown(depth - 1); } return n; }",
                "grown(60)");
        List<String> names = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> declaredFor(shared),
                "a graph whose nodes share their children was walked once per path");
        assertEquals(List.of("Node"), names);
    }

    @Test
    void theCellsMethodsAClassCallsComeBeforeItWhatTheyCallFirst() {
        Object climber = made("double gain(double x) { return x * 2; }\n"
                        + "double boost(double x) { return gain(x) + 1; }\n"
                        + "double unused(double x) { return x; }\n"
                        + "class Climber { double h; Climber climb() { h = boost(h); return this; } }",
                "new Climber()");
        assertEquals(List.of("gain", "boost", "Climber"), declaredFor(climber));
    }

    @Test
    void theCellsTypesACalledMethodUsesComeBeforeIt() {
        Object uses = made("class Helper { int h(int v) { return v + 1000; } }\n"
                        + "int viaHelper() { return new Helper().h(1); }\n"
                        + "class Uses { int run() { return viaHelper(); } }",
                "new Uses()");
        assertEquals(List.of("Helper", "viaHelper", "Uses"), declaredFor(uses));
    }

    @Test
    void aTypeAMethodBodyMakesComesWithTheClass() {
        Object box = made("record Tool(String name) { }\nclass Kit { Object make() { return new Tool(\"saw\"); } }",
                "new Kit()");
        assertEquals(List.of("Kit", "Tool"), declaredFor(box));
    }

    @Test
    void aSealedInterfaceComesBeforeTheRecordsItPermits() {
        Object tile = made("sealed interface Figure permits Disc, Tile { }\n"
                + "record Disc(double r) implements Figure { }\nrecord Tile(double side) implements Figure { }",
                "new Tile(2)");
        assertEquals(List.of("Figure", "Disc", "Tile"), declaredFor(tile));
    }

    @Test
    void aMemberClassComesWithTheTypeDeclaringIt() {
        Object inner = made("class Outer { static class Inner { int n = 1; } }", "new Outer.Inner()");
        assertEquals(List.of("Outer"), declaredFor(inner));
    }

    @Test
    void theValueOfAMapEntryIsLookedInto() {
        Object entry = made("class Walker { }", "java.util.Map.entry(\"w\", new Walker())");
        assertEquals(List.of("Walker"), declaredFor(entry));
    }
}

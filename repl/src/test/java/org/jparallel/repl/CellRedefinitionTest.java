package org.jparallel.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

import org.jparallel.repl.CellOutcome.Success;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Cells' classes that JShell compiles again are redefined in place, as the jshell tool does. */
class CellRedefinitionTest {
    private final JavaSession session = JavaSession.open(SessionOptions.defaults());

    @AfterEach
    void close() {
        session.close();
    }

    private Object value(String cell) {
        CellOutcome evaluated = session.eval(cell);
        Success outcome = assertInstanceOf(Success.class, evaluated, evaluated::toString);
        return outcome.value().map(Value::object).orElse(null);
    }

    @Test
    void anObjectOfAClassCallingAMethodDeclaredAnewIsKeptAndCallsTheNewMethod() {
        value("double boost(double x) { return x + 1.5; }");
        value("class Walker { double x; void step() { x = boost(x); } }");
        value("var w = new Walker(); w.x = 2; w.step();");

        value("double boost(double x) { return x - 1000; }");

        assertEquals(3.5, value("w.x"), "the variable and its object are kept");
        assertEquals(-996.5, value("w.step(); w.x"));
    }

    @Test
    void aLambdaKeptInAVariableCallsTheMethodAsItIsDeclaredNow() {
        value("int inc(int a) { return a + 1; }");
        value("java.util.function.IntSupplier six = () -> inc(5);");

        value("int inc(int a) { return a + 2; }");

        assertEquals(7, value("six.getAsInt()"));
    }

    @Test
    void aLoopInARedefinedClassStillStops() throws Exception {
        value("int step() { return 1; }");
        value("class Spinner { int next() { return step(); } void run() { while (true) { } } }");
        value("int step() { return 2; }"); // Spinner is compiled again, and redefined
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
            session.stop();
        });
        stopper.start();
        CellOutcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> session.eval("new Spinner().run()"),
                "the redefined class's loop did not stop");
        assertInstanceOf(CellOutcome.Interrupted.class, outcome);
        stopper.join();
    }

    @Test
    void aClassWhoseInitializerFailedCanBeDeclaredAgain() {
        value("class Broken { static int v; static { if (true) throw new RuntimeException(\"boom\"); } }");
        assertInstanceOf(CellOutcome.RuntimeError.class, session.eval("Broken.v"));

        value("class Broken { static int v = 5; }");

        assertEquals(5, value("Broken.v"));
    }
}

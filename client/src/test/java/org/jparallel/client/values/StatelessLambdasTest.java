package org.jparallel.client.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A lambda that captures nothing is decoded once for all the tasks that send it, and served only where it holds. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatelessLambdasTest {

    private final ClassLoader loader = getClass().getClassLoader();
    private JShellSender kernel;

    @BeforeAll
    void open() {
        kernel = new JShellSender();
        kernel.run("int k = 1;")
                .run("SerialFn<Integer, Integer> plusK = x -> x + k;");
    }

    @AfterAll
    void close() {
        kernel.close();
    }

    @SuppressWarnings("unchecked")
    private static Object call(DecodedCall call) throws Exception {
        return ((SerialFn<Object, Object>) call.function()).apply(call.args().get(0));
    }

    @Test
    void keptLambdaReadsTheCellVariableSentWithEachCall() throws Exception {
        ValueDecoder engine = new ValueDecoder(getClass().getClassLoader());
        assertEquals(11, call(engine.decodeCall(kernel.encoder().encodeCall(kernel.variable("plusK"), 10))));
        kernel.run("k = 100;");
        assertEquals(110, call(engine.decodeCall(kernel.encoder().encodeCall(kernel.variable("plusK"), 10))));
        kernel.run("k = 1;");
    }

    @Test
    void lambdaIsServedForEqualBytesResolvedInTheSameLoaders() {
        StatelessLambdas lambdas = new StatelessLambdas();
        Runnable empty = () -> { };
        lambdas.offer(StatelessLambdas.key(new byte[] {1, 2, 3}, List.of(loader)), empty);
        assertSame(empty, lambdas.get(StatelessLambdas.key(new byte[] {1, 2, 3}, List.of(loader))));
    }

    @Test
    void lambdaIsNotServedForClassesOfAnotherLoader() {
        StatelessLambdas lambdas = new StatelessLambdas();
        lambdas.offer(StatelessLambdas.key(new byte[] {1, 2, 3}, List.of(loader)), (Runnable) () -> { });
        ClassLoader otherGeneration = new URLClassLoader(new URL[0], loader);
        assertNull(lambdas.get(StatelessLambdas.key(new byte[] {1, 2, 3}, List.of(otherGeneration))));
    }

    @Test
    void lambdaCapturingAValueIsNotKept() {
        StatelessLambdas lambdas = new StatelessLambdas();
        int captured = 3;
        lambdas.offer(StatelessLambdas.key(new byte[] {1}, List.of()), (Runnable) () -> System.out.println(captured));
        assertNull(lambdas.get(StatelessLambdas.key(new byte[] {1}, List.of())));
    }

    @Test
    void objectThatIsNoLambdaIsNotKept() {
        StatelessLambdas lambdas = new StatelessLambdas();
        lambdas.offer(StatelessLambdas.key(new byte[] {1}, List.of()), new Object());
        assertNull(lambdas.get(StatelessLambdas.key(new byte[] {1}, List.of())));
    }

    @Test
    void largeFrameIsNotKeyed() {
        assertNull(StatelessLambdas.key(new byte[1 << 20], List.of()));
    }
}

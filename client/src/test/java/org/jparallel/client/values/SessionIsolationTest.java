package org.jparallel.client.values;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Snippet class names repeat in every JShell session: a receiver keeps each sender's classes apart. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionIsolationTest {

    private JShellSender first;
    private JShellSender second;

    @BeforeAll
    void open() {
        first = new JShellSender();
        second = new JShellSender();
        // The same cells, so the same class names, with different bytecode.
        first.run("int f(int x) { return x + 1; }").run("SerialFn<Integer, Integer> g = x -> f(x);");
        second.run("int f(int x) { return x * 100; }").run("SerialFn<Integer, Integer> g = x -> f(x);");
    }

    @AfterAll
    void close() {
        first.close();
        second.close();
    }

    @SuppressWarnings("unchecked")
    private static Object call(DecodedCall call) throws Exception {
        return ((SerialFn<Object, Object>) call.function()).apply(call.args().get(0));
    }

    @Test
    void twoSessionsSendingTheSameSnippetNamesDoNotClash() throws Exception {
        ValueDecoder engine = new ValueDecoder(getClass().getClassLoader());
        List<byte[]> fromFirst = first.encoder().encodeCall(first.variable("g"), 3);
        List<byte[]> fromSecond = second.encoder().encodeCall(second.variable("g"), 3);
        assertEquals(4, call(engine.decodeCall(fromFirst)));
        assertEquals(300, call(engine.decodeCall(fromSecond)));
        assertEquals(4, call(engine.decodeCall(fromFirst)));
    }

    @Test
    void newBytecodeUnderAKnownNameFromTheSameSenderIsDefinedAfresh() throws Exception {
        // One sender whose snippets were recompiled under the same names: its bytecode source changes.
        AtomicReference<JShellSender> compiledBy = new AtomicReference<>(first);
        ValueEncoder sender = new ValueEncoder(name -> compiledBy.get().classBytes().bytecode(name));
        ValueDecoder engine = new ValueDecoder(getClass().getClassLoader());
        assertEquals(4, call(engine.decodeCall(sender.encodeCall(first.variable("g"), 3))));
        compiledBy.set(second);
        assertEquals(300, call(engine.decodeCall(sender.encodeCall(second.variable("g"), 3))));
    }
}

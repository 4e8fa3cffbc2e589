package org.jparallel.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.jparallel.client.values.ClassBytes;
import org.jparallel.client.values.MissingClassException;
import org.jparallel.client.values.ValueDecoder;
import org.jparallel.client.values.ValueEncoder;
import org.junit.jupiter.api.Test;

class ErrorMessagesTest {
    @Test
    void aMappedLambdaWhoseClassTheEngineLacksNamesThatClass() throws Exception {
        Fn<Integer, Integer> inc = x -> x + 1;
        List<byte[]> frames = new ValueEncoder(ClassBytes.none()).encodeCall(new MapChunk<>(inc), List.of(1));
        URL clientClasses = Fn.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader engineClassPath = new URLClassLoader(new URL[] {clientClasses},
                ClassLoader.getPlatformClassLoader())) {
            ValueDecoder decoder = new ValueDecoder(engineClassPath);
            MissingClassException e = assertThrows(MissingClassException.class, () -> decoder.decodeCall(frames));
            assertEquals(ErrorMessagesTest.class.getName(), e.className());
        }
    }


    private static RemoteError divideByZero(int engine) {
        return new RemoteError(engine, "apply", "java.lang.ArithmeticException", "/ by zero", List.of());
    }

    @Test
    void remoteErrorReadsLikeIpyparallel() {
        assertEquals("[2:apply] java.lang.ArithmeticException: / by zero", divideByZero(2).toString());
    }

    @Test
    void remoteErrorWithoutMessageShowsItsClassOnly() {
        RemoteError e = new RemoteError(0, "execute", "java.lang.NullPointerException", "", List.of());
        assertEquals("[0:execute] java.lang.NullPointerException", e.getMessage());
    }

    @Test
    void renderAppendsTheRemoteTraceback() {
        RemoteError e = new RemoteError(1, "apply", "java.lang.IllegalStateException", "bad",
                List.of("java.lang.IllegalStateException: bad", "\tat REPL.$JShell$3.f($JShell$3.java:4)"));
        assertTrue(e.render().endsWith("\tat REPL.$JShell$3.f($JShell$3.java:4)"), e.render());
    }

    @Test
    void compositeErrorShowsFourFailuresAndCountsTheRest() {
        List<RemoteError> errors = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            errors.add(divideByZero(i));
        }
        CompositeError e = new CompositeError("apply", errors);
        String message = e.getMessage();
        assertTrue(message.contains("[3:apply] java.lang.ArithmeticException: / by zero"), message);
        assertFalse(message.contains("[4:apply]"), message);
        assertTrue(message.endsWith("… 2 more (see errors())"), message);
        assertEquals(6, e.errors().size());
        assertEquals(0, e.first().engineId());
    }

    @Test
    void compositeErrorOfFourListsThemAllWithoutMore() {
        CompositeError e = new CompositeError("map", List.of(divideByZero(0), divideByZero(1)));
        assertTrue(e.getMessage().startsWith("2 of the tasks of map failed:"), e.getMessage());
        assertFalse(e.getMessage().contains("more"), e.getMessage());
    }

    @Test
    void aCompositeErrorIsCaughtAsARemoteErrorThatIsItsFirst() {
        RemoteError caught = assertThrows(RemoteError.class, () -> {
            throw new CompositeError("apply", List.of(divideByZero(2), divideByZero(3)));
        });

        assertEquals(2, caught.engineId());
        assertEquals("java.lang.ArithmeticException", caught.remoteClassName());
        assertTrue(caught.toString().startsWith("org.jparallel.client.CompositeError: 2 of the tasks of apply failed:"),
                caught.toString());
    }

    @Test
    void noClusterTellsHowToStartOne() {
        assertEquals("no cluster is running for profile 'default': start one with `jpcluster start -n 4` or "
                + "`%cluster start -n 4`", new NoClusterException("default", "").getMessage());
    }

    @Test
    void noClusterOfAnotherProfileNamesTheProfileInTheCommands() {
        String message = new NoClusterException("gpu", "").getMessage();
        assertTrue(message.contains("`jpcluster start -n 4 --profile gpu`"), message);
    }
}

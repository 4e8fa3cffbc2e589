package org.jparallel.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class QuietThreadDeathTest {

    @Test
    @SuppressWarnings({"deprecation", "removal"})
    void aThreadEndedByAStopPrintsNothing() throws Exception {
        assertEquals("", printedByThreadRunning(() -> {
            throw new ThreadDeath();
        }));
    }

    @Test
    void anyOtherUncaughtExceptionPrintsAsTheJdksDefaultDoes() throws Exception {
        String printed = printedByThreadRunning(() -> {
            throw new IllegalStateException("broken");
        });

        assertTrue(printed.startsWith("Exception in thread \"thrower\" java.lang.IllegalStateException: broken"),
                printed);
        assertTrue(printed.contains("\tat org.jparallel.repl.QuietThreadDeathTest"), printed);
    }

    private static String printedByThreadRunning(Runnable body) throws InterruptedException {
        Thread thread = new Thread(body, "thrower");
        thread.setUncaughtExceptionHandler(new QuietThreadDeath());
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            thread.start();
            thread.join();
        } finally {
            System.setErr(original);
        }
        return err.toString(StandardCharsets.UTF_8);
    }
}

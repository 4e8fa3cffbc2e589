package org.jparallel.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jparallel.repl.CellOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ShellMagicTest {
    private final TestNotebook notebook = TestNotebook.with(MagicRegistry.builtins(Set.of()));

    @AfterEach
    void close() {
        notebook.close();
    }

    @Test
    void aLineRunsInTheShell() {
        notebook.succeed("%sh echo hello from $0");
        assertEquals("hello from sh\n", notebook.printed());
    }

    @Test
    void aBashCellRunsItsScript() {
        notebook.succeed("%%bash\nfor i in 1 2 3; do echo \"line $i\"; done\necho ${BASH_VERSION:+bash}");
        assertEquals("line 1\nline 2\nline 3\nbash\n", notebook.printed());
    }

    @Test
    void anExitStatusOtherThanZeroIsAnError() {
        CellOutcome outcome = notebook.run("%%sh\necho partial\nexit 3");
        CellOutcome.RuntimeError error = assertInstanceOf(CellOutcome.RuntimeError.class, outcome);
        assertEquals("ShellError", error.exceptionClass());
        assertEquals("sh exited with status 3", error.message());
        assertEquals("partial\n", notebook.printed());
    }

    @Test
    void aScriptThatReadsItsInputDoesNotWait() {
        assertInstanceOf(CellOutcome.Success.class, notebook.run("%sh cat"));
    }

    @Test
    void anInterruptStopsTheShellAndWhatItStarted() throws Exception {
        CompletableFuture<CellOutcome> running = CompletableFuture.supplyAsync(
                () -> notebook.run("%%sh\nsleep 30 & echo $! > /dev/null\nsleep 31\necho never"));
        Thread.sleep(500);
        long sleeping = sleeps();
        notebook.interrupt();
        assertInstanceOf(CellOutcome.Interrupted.class, running.get(10, TimeUnit.SECONDS));
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (sleeps() > sleeping - 2 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(sleeps() <= sleeping - 2, "the shell's sleeps outlived the interrupt");
    }

    @Test
    void anInterruptEndsTheCellWhenAProcessLeftBehindHoldsItsOutput() throws Exception {
        // the shell exits at once; its background sleep, an orphan now, keeps the output open
        CompletableFuture<CellOutcome> running = CompletableFuture.supplyAsync(() -> notebook.run("%sh sleep 20 &"));
        Thread.sleep(500);
        notebook.interrupt();
        // ended either way: the JDK may have closed the output once the shell exited, or the interrupt stops waiting
        CellOutcome outcome = running.get(5, TimeUnit.SECONDS);
        assertTrue(outcome instanceof CellOutcome.Interrupted || outcome instanceof CellOutcome.Success, outcome::toString);
        ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").endsWith("sleep 20"))
                .forEach(ProcessHandle::destroy);
    }

    private static long sleeps() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().command().orElse("").endsWith("sleep")).count();
    }
}

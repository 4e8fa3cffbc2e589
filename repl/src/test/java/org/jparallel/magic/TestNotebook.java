package org.jparallel.magic;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jparallel.display.Display;
import org.jparallel.display.DisplayEvent;
import org.jparallel.repl.CellOutcome;
import org.jparallel.repl.JavaSession;
import org.jparallel.repl.SessionOptions;

/**
 * A notebook for magic tests: a JShell session with these magics, what its cells print (standard output is
 * captured while it is open) and what they display.
 *
 * <pre>{@code
 * try (TestNotebook notebook = TestNotebook.with(MagicRegistry.builtins(Set.of()))) {
 *     notebook.run("%who");
 *     notebook.printed();
 * }
 * }</pre>
 */
public final class TestNotebook implements AutoCloseable {
    private final JavaSession session = JavaSession.open(SessionOptions.defaults());
    private final List<DisplayEvent> shown = new ArrayList<>();
    private final Context context;

    /** The notebook's context, which runs a named cell as the kernel does. */
    private abstract static class Context extends SessionContext {
        Context(JavaSession session, MagicRegistry magics, Display display) {
            super(session, magics, display);
        }

        CellOutcome runNamed(String cell, String cellName) {
            return runner().run(cell, cellName, this);
        }
    }
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final PrintStream originalOut = System.out;

    private TestNotebook(MagicRegistry magics) {
        context = new Context(session, magics, new Display(shown::add)) {
            @Override
            public void redirectCells(String cellMagicName) {
            }
        };
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    public static TestNotebook with(MagicRegistry magics) {
        return new TestNotebook(magics);
    }

    public JavaSession session() {
        return session;
    }

    /** Runs a cell, and forgets what earlier cells printed. */
    public CellOutcome run(String cell) {
        out.reset();
        return context.runCell(cell);
    }

    /** Runs a cell named as the kernel names it ({@code In [5]}), as the kernel runs one. */
    public CellOutcome run(String cell, String cellName) {
        out.reset();
        return context.runNamed(cell, cellName);
    }

    /** Runs a cell that must succeed. */
    public CellOutcome.Success succeed(String cell) {
        CellOutcome outcome = run(cell);
        return assertInstanceOf(CellOutcome.Success.class, outcome, outcome::toString);
    }

    /** The value of a cell that must succeed with one. */
    public Object value(String cell) {
        return succeed(cell).value().orElseThrow().object();
    }

    /** What the kernel does on an interrupt request: stops the running cell and what its magic waits for. */
    public void interrupt() {
        context.interrupt();
    }

    /** What the last cell printed to standard output. */
    public String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** What the cells displayed, in order. */
    public List<DisplayEvent> shown() {
        return shown;
    }

    @Override
    public void close() {
        System.setOut(originalOut);
        session.close();
    }
}

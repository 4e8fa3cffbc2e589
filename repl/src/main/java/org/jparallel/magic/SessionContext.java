package org.jparallel.magic;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.jparallel.display.Display;
import org.jparallel.display.MimeBundle;
import org.jparallel.display.MimeRenderer;
import org.jparallel.repl.CellOutcome;
import org.jparallel.repl.CellStoppedException;
import org.jparallel.repl.JavaSession;

/**
 * A {@link MagicContext} over one JShell session: its display, its magics, and a {@link CellRunner} that runs
 * cells with them. The kernel's notebook and an engine's session are both one.
 *
 * <pre>{@code
 * final class EngineSession extends SessionContext {
 *     CellOutcome run(String code) {
 *         return runner().run(code, this);   // "%jars lib/\nnew Widget()"
 *     }
 * }
 * }</pre>
 */
public abstract class SessionContext implements MagicContext {
    /** The JShell variable holding the session's display, which the display prelude's methods call. */
    private static final String DISPLAY_VARIABLE = "$display";
    /** A call of a method the display prelude declares. */
    private static final Pattern PRELUDE_CALL = Pattern.compile(
            "\\b(display|displayWithId|updateDisplay|render|renderer|html|markdown|svg|latex|json|image)\\s*\\(");

    private final JavaSession session;
    private final MagicRegistry registry;
    private final Display display;
    private final CellRunner runner;
    private final List<Runnable> interruptHooks = new CopyOnWriteArrayList<>();
    private final Object preludeLock = new Object();
    private boolean preluded; // guarded by preludeLock

    protected SessionContext(JavaSession session, MagicRegistry registry, Display display) {
        this.session = session;
        this.registry = registry;
        this.display = display;
        this.runner = new CellRunner(session, registry);
        session.cellDisplay(display);
    }

    /**
     * Declares the display prelude ({@code display(...)}, {@code html(...)}, {@code renderer()}, …; see
     * {@link Display#prelude}) over this session's display, once; later calls return at once, or wait for the
     * first to finish.
     *
     * @throws IllegalStateException when the prelude does not compile
     */
    public void prelude() {
        synchronized (preludeLock) {
            if (preluded) {
                return;
            }
            session.define(DISPLAY_VARIABLE, Display.class.getName(), display);
            CellOutcome outcome = session.eval(Display.prelude(DISPLAY_VARIABLE), JavaSession.STARTUP_CELL_NAME);
            if (!(outcome instanceof CellOutcome.Success)) {
                throw new IllegalStateException("the display prelude does not compile: " + outcome);
            }
            preluded = true;
        }
    }

    /** Whether {@code code} calls a method of the display prelude, which must be declared before it runs. */
    protected static boolean callsPrelude(String code) {
        return PRELUDE_CALL.matcher(code).find();
    }

    /** Runs the cells of this session. */
    protected CellRunner runner() {
        return runner;
    }

    /** Stops the running cell, and what a magic waits for (see {@link #onInterrupt}); safe from any thread. */
    public void interrupt() {
        session.stop();
        interruptHooks.forEach(Runnable::run);
    }

    @Override
    public JavaSession session() {
        return session;
    }

    @Override
    public Display display() {
        return display;
    }

    /**
     * A cell's value in every representation the display's renderer knows. Rendering that may run the user's code
     * (a {@code toString}) runs where an interrupt stops it as it stops a cell ({@link JavaSession#callUserCode}).
     *
     * @throws CellStoppedException when interrupted
     */
    public MimeBundle renderValue(Object value) {
        MimeRenderer renderer = display.renderer();
        return renderer.mayRunUserCode(value) ? session.callUserCode(() -> renderer.render(value))
                : renderer.render(value);
    }

    @Override
    public MagicRegistry registry() {
        return registry;
    }

    @Override
    public CellOutcome runCell(String code) {
        return runner.runNested(code, this);
    }

    @Override
    public CellOutcome runCell(String code, String name) {
        return runner.runNested(code, name, this);
    }

    @Override
    public AutoCloseable onInterrupt(Runnable onInterrupt) {
        interruptHooks.add(onInterrupt);
        return () -> interruptHooks.remove(onInterrupt);
    }
}

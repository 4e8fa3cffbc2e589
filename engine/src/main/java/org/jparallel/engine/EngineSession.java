package org.jparallel.engine;

import java.util.List;
import java.util.Set;
import org.jparallel.client.values.ClassBytes;
import org.jparallel.client.values.ValueEncoder;
import org.jparallel.display.Display;
import org.jparallel.magic.MagicRegistry;
import org.jparallel.magic.SessionContext;
import org.jparallel.maven.MavenMagic;
import org.jparallel.repl.CellOutcome;
import org.jparallel.repl.ClassPathIndexing;
import org.jparallel.repl.JavaSession;
import org.jparallel.repl.SessionOptions;

/**
 * The engine's JShell session with what every cell may use without an import: JShell's default
 * imports, the client API, and {@code display(...)}; cells run as the kernel runs them, line magics
 * included ({@code %jars}, {@code %time}, {@code %lsmagic}), so {@code %px %jars lib.jar} works.
 *
 * <pre>{@code
 * EngineSession session = EngineSession.open(new Display(event -> send(event)));
 * session.run("%jars lib/\nnew Widget()", "In [1]");
 * }</pre>
 */
final class EngineSession extends SessionContext implements AutoCloseable {
    private final ValueEncoder encoder;

    private EngineSession(JavaSession java, Display display) {
        super(java, new MavenMagic().registerIn(MagicRegistry.builtins(Set.of())), display);
        // One encoder per session: receivers cache shipped classes by the encoder's id.
        this.encoder = new ValueEncoder(ClassBytes.of(java.classBytes()));
    }

    /** Opens a session; slow (a second or more), so engines call it off their request path. */
    static EngineSession open(Display display) {
        // Engines split cells but never complete code: JShell's class path index would be 17 MB of heap.
        ClassPathIndexing.disableInThisJvm();
        // No stop checks woven into snippets on JDK 17: ASM would cost each idle engine 2-3 MB of PSS (StopChecks),
        // so there a stopped %px cell's parallel stream may run on; JDK 20+ weaves its own.
        JavaSession java = JavaSession.open(SessionOptions.defaults()
                .withoutStopChecks()
                .withHostClassPath()
                .withStartup(List.of(SessionOptions.JSHELL_IMPORTS
                        + "import java.time.Duration;\nimport java.time.Instant;\nimport org.jparallel.client.*;\n")));
        try {
            // No JavaSession.warmUp(): it also warms completion, which engines never serve; the
            // imports have warmed the compiler already.
            return new EngineSession(java, display);
        } catch (RuntimeException e) {
            java.close();
            throw e;
        }
    }

    JavaSession java() {
        return session();
    }

    /**
     * Runs an execute request's code: Java and line magics, named {@code cellName} in errors. The display prelude
     * is declared before the first cell (or script a magic runs) that calls one of its methods, not as the session
     * opens: it is a third of the opening, which the first {@code %px} after a cluster's start waits for on every
     * engine, and most cells on engines print rather than display; an engine that never displays never compiles it.
     */
    CellOutcome run(String code, String cellName) {
        preludeFor(code);
        return runner().run(code, cellName, this);
    }

    /** A script a magic runs ({@code %load}), which may display too. */
    @Override
    public CellOutcome runCell(String code, String name) {
        preludeFor(code);
        return super.runCell(code, name);
    }

    @Override
    public CellOutcome runCell(String code) {
        preludeFor(code);
        return super.runCell(code);
    }

    private void preludeFor(String code) {
        if (callsPrelude(code)) {
            prelude();
        }
    }

    /** Encodes values for clients, shipping the classes declared in this session's cells. */
    ValueEncoder encoder() {
        return encoder;
    }

    /** The loader whose classes cells can name in declarations. */
    ClassLoader visibleClasses() {
        return EngineSession.class.getClassLoader();
    }

    /** Engines have no magic that takes over the following cells ({@code %autopx} is the kernel's). */
    @Override
    public void redirectCells(String cellMagicName) {
        throw new UnsupportedOperationException("engines run each cell as it comes; %" + cellMagicName
                + " cannot take over the following ones here");
    }

    @Override
    public void close() {
        session().close();
    }
}

package org.jparallel.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import org.jparallel.display.Display;
import org.jparallel.display.DisplaySink;
import org.jparallel.magic.MagicContext;
import org.jparallel.magic.MagicRegistry;
import org.jparallel.magic.SessionContext;
import org.jparallel.magics.px.EngineNames;
import org.jparallel.repl.CellOutcome;
import org.jparallel.repl.JavaSession;

/**
 * The notebook's side of a kernel: the JShell session with {@code Out}, {@code display(...)} and the
 * magics wired in. This is what magics see as their {@link MagicContext}.
 */
final class NotebookSession extends SessionContext implements AutoCloseable {
    /** The variables this class defines in every notebook: not the user's, so {@code %who} leaves them out. */
    static final Set<String> OWN_VARIABLES = Set.of("Out", "In");

    private final Map<Integer, Object> out = new ConcurrentSkipListMap<>();
    private final EngineNames engineNames = new EngineNames();
    private volatile boolean cellsOnEngines;

    private NotebookSession(JavaSession session, MagicRegistry registry, DisplaySink sink) {
        super(session, registry, new Display(sink));
    }

    /**
     * Wires {@code Out}, {@code In} and the display functions into a fresh session, so cells need no import.
     *
     * @param inputs the cells' inputs by execution count, as IPython's {@code In}
     */
    static NotebookSession open(JavaSession session, MagicRegistry registry, DisplaySink sink,
                                Map<Integer, String> inputs) {
        NotebookSession notebook = new NotebookSession(session, registry, sink);
        session.define("Out", "java.util.Map<Integer, Object>", notebook.out);
        session.define("In", "java.util.Map<Integer, String>", inputs);
        // at once, not when a cell needs it as engines do: completion and inspection offer its names from the start
        notebook.prelude();
        return notebook;
    }

    CellOutcome run(String cell, String cellName) {
        boolean onEngines = cellsOnEngines;
        CellOutcome outcome = runner().run(cell, cellName, this);
        engineNames.ran(cell, cellName, onEngines);
        if (outcome instanceof CellOutcome.CompileError error) {
            // The notebook's javac cannot know a name the engines have: say where it lives and how to reach it.
            Optional<String> hint = engineNames.hint(error.message());
            if (hint.isPresent()) {
                List<String> traceback = new ArrayList<>(error.traceback());
                traceback.add(hint.get());
                return new CellOutcome.CompileError(error.message(), traceback);
            }
        }
        return outcome;
    }

    /** Keeps a displayed value as {@code Out[count]} and {@code _}. */
    void remember(int executionCount, org.jparallel.repl.Value value) {
        if (value.object() != null) {
            out.put(executionCount, value.object());
        }
        session().remember(value);
    }

    @Override
    public void redirectCells(String cellMagicName) {
        cellsOnEngines = cellMagicName != null && cellMagicName.startsWith("px"); // %autopx, or an activated view's
        runner().redirectCells(cellMagicName);
    }

    @Override
    public void close() {
        session().close();
    }
}

package org.jparallel.repl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.Stream;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.VarSnippet;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;
import org.jparallel.display.Display;

/**
 * A JShell session that evaluates notebook cells, running user code in this JVM so that it
 * shares objects with the host.
 *
 * <p>Cells are evaluated from one execution thread; {@link #stop()} may come from any thread.
 * Completion, inspection and completeness wait briefly for a running cell and then answer
 * "nothing" rather than block. Methods other than {@code stop} must not be called from user code.
 */
public final class JavaSession implements AutoCloseable {

    /** How a cell evaluated without a name of its own is named in compile errors and stack frames. */
    public static final String DEFAULT_CELL_NAME = "cell";
    /** The cell name of the snippets a session starts with (imports, the display prelude): not the user's. */
    public static final String STARTUP_CELL_NAME = "startup";
    /** The option a JVM needs for {@link #addToClasspath} to reach its own class path, not only the cells'. */
    public static final String HOST_CLASS_PATH_OPTION = HostClassPath.OPEN_PACKAGE;
    private static final long ASSIST_WAIT_MILLIS = 2000;

    private final JShell shell;
    private final CellExecutionControl control;
    private final Variables variables;
    private final CellEvaluator evaluator;
    private final TemporaryVariables temporaries;
    private final CodeAssist assist;
    private final CompiledSnippets compiled = new CompiledSnippets();
    private final SessionTypes types;
    private final SnippetOrigins origins = new SnippetOrigins();
    private final ReentrantLock shellInUse = new ReentrantLock();
    private volatile DisplayHistory history = DisplayHistory.empty();
    private int boundValues;

    private JavaSession(JShell shell, CellExecutionControl control) {
        this.shell = shell;
        this.control = control;
        this.variables = new Variables(shell, control);
        this.types = new SessionTypes(shell, control);
        control.declaredTypes(types);
        CellSnippets snippets = new CellSnippets(shell.sourceCodeAnalysis());
        this.evaluator = new CellEvaluator(shell, control, variables, origins, compiled, snippets, types);
        this.temporaries = new TemporaryVariables(shell, compiled);
        this.assist = new CodeAssist(shell.sourceCodeAnalysis(), snippets);
    }

    /**
     * javac's option that compiles every lambda and method reference as a serializable one (as it does those of a
     * Serializable type), with what deserializes them in their class: a {@code Function} or {@code Comparator} kept
     * in a cell's variable then travels to engines as an {@code Fn} does, inside what a task captures, sends or
     * returns, and a {@code Callable} typed into {@code ExecutorService.submit} runs on the cluster. (JShell hands it
     * to javac; a javac without it would ignore it, as it ignores any {@code -XD} key it does not know.)
     */
    private static final String SERIALIZABLE_LAMBDAS = "-XDforceSerializable";

    /**
     * Opens a session: adds the class path entries and evaluates the startup snippets.
     *
     * @throws IllegalArgumentException if a startup snippet fails
     */
    public static JavaSession open(SessionOptions options) {
        CellExecutionControl control = CellExecutionControl.create(options.stopChecks());
        JShell shell = JShell.builder()
                .executionEngine(new OwnControl(control), Map.of())
                .compilerOptions(Stream.concat(Stream.of(SERIALIZABLE_LAMBDAS), options.compilerOptions().stream())
                        .toArray(String[]::new))
                .build();
        JavaSession session = new JavaSession(shell, control);
        try {
            options.classPath().forEach(session::addToShellClasspath);
            for (String snippet : options.startup()) {
                CellOutcome outcome = session.eval(snippet, STARTUP_CELL_NAME);
                if (!(outcome instanceof CellOutcome.Success)) {
                    throw new IllegalArgumentException("startup snippet failed: " + snippet + "\n" + outcome);
                }
            }
            return session;
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /** Evaluates the snippets of a cell in order and blocks until they ran or one failed. */
    public CellOutcome eval(String cell) {
        return eval(cell, DEFAULT_CELL_NAME);
    }

    /**
     * Like {@link #eval(String)}; {@code cellName} (e.g. {@code In [3]}) names the cell in
     * compile errors and in stack frames of the methods it declares.
     */
    public CellOutcome eval(String cell, String cellName) {
        long stopsBefore = control.stops(); // a stop from here on is this cell's, even while it waits for the shell
        shellInUse.lock();
        try {
            control.clearStopsBefore(stopsBefore);
            if (cell.contains("_")) {
                history = current(history);
            }
            CellOutcome outcome = evaluator.run(HistoryNames.rewrite(cell, history), cellName);
            temporaries.prune(history);
            return outcome;
        } finally {
            shellInUse.unlock();
        }
    }

    /** What {@code view.activate(...)} in a cell does: the kernel makes {@code %px} magics ({@link ViewActivation}). */
    public void onViewActivation(ViewActivation activation) {
        control.views(activation);
    }

    /** The display that library code called from a cell shows rich output on ({@link CellDisplay}). */
    public void cellDisplay(Display display) {
        control.display(display);
    }

    /** The types this session's cells declare, by name; safe from any thread, and while a cell runs. */
    public DeclaredTypes declaredTypes() {
        return types;
    }

    /**
     * Stops the cell being evaluated, if any, within about a second; the session keeps its
     * state. Code inside jars is stopped only if it heeds {@link Thread#interrupt()} (JDK 20+).
     */
    public void stop() {
        try {
            control.stop();
        } catch (ExecutionControl.ExecutionControlException e) {
            throw new IllegalStateException("cannot stop the running cell", e);
        }
    }

    /** Compiles and runs a throwaway snippet so that the first cell is fast; leaves no variable behind. */
    public void warmUp() {
        withShell(() -> {
            shell.sourceCodeAnalysis().analyzeCompletion("int warmUp = 1;");
            for (SnippetEvent event : shell.eval("if (java.util.List.of(1).isEmpty()) { }")) {
                shell.drop(event.snippet());
            }
            shell.sourceCodeAnalysis().completionSuggestions("String.valueO", 13, new int[1]);
            return null;
        });
    }

    /** Completions at {@code cursor} (an index into {@code code}). */
    public Completion complete(String code, int cursor) {
        return whenFree(() -> assist.complete(HistoryNames.rewrite(code, history), cursor), Completion.none(cursor));
    }

    /**
     * The signature and Javadoc of the symbol at {@code cursor}, as plain text. Both detail
     * levels give the same text: there is no source to show for compiled classes.
     */
    public Optional<String> inspect(String code, int cursor, int detailLevel) {
        return whenFree(() -> assist.inspect(HistoryNames.rewrite(code, history), cursor), Optional.empty());
    }

    /** Whether {@code code} is ready to run, and the indentation of its next line if not. */
    public Completeness isComplete(String code) {
        return whenFree(() -> assist.isComplete(HistoryNames.rewrite(code, history)),
                Completeness.of(Completeness.UNKNOWN));
    }

    /**
     * Adds a jar or folder to the class path of later cells, for compiling and running, and to this JVM's
     * own class path, so that code outside the cells sees its classes too: the cluster client decoding a
     * value of one of them, an engine running a lambda that uses them.
     *
     * @return whether this JVM's class path has it as well; false when the JVM does not allow it (it
     *         lacks {@link #HOST_CLASS_PATH_OPTION}), and cells alone see it
     */
    public boolean addToClasspath(Path entry) {
        Path absolute = entry.toAbsolutePath();
        boolean host = HostClassPath.append(absolute); // first: JShell's loader asks the host's before its own
        addToShellClasspath(absolute);
        return host;
    }

    private void addToShellClasspath(Path entry) {
        withShell(() -> {
            shell.addToClasspath(entry.toAbsolutePath().toString());
            compiled.forgetAll(); // a name may now mean a class of the new entry
            return null;
        });
    }

    /**
     * Declares the variable {@code type name} and sets it to {@code value}, a host object,
     * without source for the value.
     *
     * @throws IllegalArgumentException if the declaration does not compile or the value does not fit the type
     */
    public Value define(String name, String type, Object value) {
        return withShell(() -> {
            // A variable of this name and type takes the value as it is: declaring it again costs a javac run
            // (tens of milliseconds for every push of a big array), and the code compiled since stays valid.
            Optional<VarSnippet> same = variables.named(name).filter(v -> v.typeName().equals(type));
            if (same.isPresent() && variables.canHold(same.get(), value)) {
                variables.write(same.get(), value);
                return new Value(value, type, name);
            }
            compiled.forgetAll(); // code compiled before may name a variable this one replaces
            return declareAndSet(name, type, value);
        });
    }

    /**
     * Runs {@code work}, which calls into the cells' code outside a snippet (rendering a cell's value calls its
     * {@code toString}), so that {@link #stop()} stops it as it stops a cell: a {@code toString} that never returns
     * must not hold the session. Returns what it returned and rethrows what it threw.
     *
     * @throws CellStoppedException when stopped
     */
    public <T> T callUserCode(Supplier<T> work) {
        return control.callOutsideSnippets(work);
    }

    /**
     * How long JShell has spent compiling this session's cells, in all (javac and JShell's own analysis, not the
     * code's run): {@code %time} reports the part of a cell's wall time that went there, as IPython's "Compiler".
     */
    public long compileNanos() {
        return evaluator.compileNanos();
    }

    /**
     * What user code threw outside a snippet (a value's {@code toString} as the kernel renders it), as the error
     * of a cell: its snippet frames named by cell and line, as for an exception thrown in a cell.
     */
    public CellOutcome.RuntimeError errorOf(Throwable thrown) {
        return evaluator.errorOf(thrown);
    }

    /** Like {@link #define} with a fresh hidden name: a value produced outside JShell that cells may refer to. */
    public Value bind(Object value, String type) {
        // A fresh name replaces nothing, so compiled snippets stay valid.
        return withShell(() -> declareAndSet("$bound" + ++boundValues, type, value));
    }

    private Value declareAndSet(String name, String type, Object value) {
        VarSnippet variable = declare(name, type);
        try {
            variables.write(variable, value);
        } catch (IllegalArgumentException e) {
            shell.drop(variable);
            throw new IllegalArgumentException(type + " " + name + " cannot hold " + value.getClass().getName(), e);
        }
        return new Value(value, variable.typeName(), name);
    }

    /**
     * Records that {@code displayed} was displayed: {@code _} refers to it from now on, the
     * former {@code _} becomes {@code __}, and that one {@code ___}.
     */
    public void remember(Value displayed) {
        history = history.after(displayed);
    }

    /**
     * The bytecode of every snippet class loaded or redefined so far, by binary name
     * ({@code REPL.$JShell$12}, {@code REPL.$JShell$12$Point}); a live read-only view.
     */
    public Map<String, byte[]> classBytes() {
        return control.classBytes();
    }

    /**
     * The session's variables as they are now, in the order they were declared (a redeclared one where it was
     * declared last): what {@code %whos} lists.
     */
    public List<SessionVariable> variables() {
        return withShell(() -> variables.all().stream()
                .map(v -> new SessionVariable(v.name(), v.typeName(), variables.read(v)))
                .toList());
    }

    /**
     * What the jshell tool's {@code /imports}, {@code /vars}, {@code /methods}, {@code /types} or {@code /list} prints
     * for this session (the cells' own declarations, not the session's startup), if {@code cell} is one of those
     * commands; empty otherwise.
     */
    public Optional<String> jshellCommand(String cell) {
        return JShellCommands.command(cell).map(command -> withShell(() -> command.list(shell, origins, variables)));
    }

    /** Whether the cells declare a variable, method or type of this name now. */
    public boolean declares(String name) {
        return withShell(() -> Stream.of(shell.variables(), shell.methods(), shell.types())
                .flatMap(snippets -> snippets)
                .anyMatch(snippet -> snippet.name().equals(name) && shell.status(snippet).isActive()));
    }

    /** The current value of a JShell variable; empty if there is no such variable or it holds null. */
    public Optional<Object> variable(String name) {
        return withShell(() -> variables.named(name).map(variables::read));
    }

    /** Stops a running cell and closes JShell. */
    @Override
    public void close() {
        stop();
        boolean free = false;
        try {
            free = shellInUse.tryLock(ASSIST_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            shell.close();
            assist.close();
        } finally {
            if (free) {
                shellInUse.unlock();
            }
        }
    }

    /**
     * The history with each value still held by its variable: a statement run again from its
     * compiled wrapper writes the same variable ({@code $3}) again, and a variable may have been
     * assigned since; a value its variable no longer holds gets a hidden variable of its own.
     */
    private DisplayHistory current(DisplayHistory displayed) {
        List<Value> values = new ArrayList<>(displayed.values());
        boolean changed = false;
        for (int i = 0; i < values.size(); i++) {
            Value value = values.get(i);
            if (!stillHolds(value)) {
                values.set(i, rebind(value));
                changed = true;
            }
        }
        return changed ? new DisplayHistory(values) : displayed;
    }

    private boolean stillHolds(Value value) {
        Optional<VarSnippet> variable = variables.named(value.variable());
        if (variable.isEmpty()) {
            return false;
        }
        Object now = variables.read(variable.get());
        // A primitive is boxed at every read: equal is the same value.
        boolean primitive = DisplayHistory.isPrimitive(variable.get().typeName());
        return primitive ? Objects.equals(now, value.object()) : now == value.object();
    }

    private Value rebind(Value value) {
        try {
            return bind(value.object(), value.typeName());
        } catch (IllegalArgumentException e) {
            return bind(value.object(), "Object"); // a type a declaration cannot name
        }
    }

    private VarSnippet declare(String name, String type) {
        List<SnippetEvent> events = shell.eval(type + " " + name + ";");
        for (SnippetEvent event : events) {
            if (event.causeSnippet() == null && event.snippet() instanceof VarSnippet variable
                    && event.status() == Snippet.Status.VALID) {
                return variable;
            }
        }
        String errors = events.stream()
                .flatMap(e -> shell.diagnostics(e.snippet()))
                .map(d -> d.getMessage(java.util.Locale.ROOT))
                .reduce((a, b) -> a + "\n" + b)
                .orElse("not a variable declaration");
        throw new IllegalArgumentException("cannot declare " + type + " " + name + ": " + errors);
    }

    private <T> T withShell(Supplier<T> work) {
        shellInUse.lock();
        try {
            return work.get();
        } finally {
            shellInUse.unlock();
        }
    }

    private <T> T whenFree(Supplier<T> work, T busy) {
        try {
            if (!shellInUse.tryLock(ASSIST_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                return busy;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return busy;
        }
        try {
            return work.get();
        } finally {
            shellInUse.unlock();
        }
    }

    /** Hands JShell the session's own execution control. */
    private record OwnControl(CellExecutionControl control) implements ExecutionControlProvider {
        @Override
        public String name() {
            return "jparallel-local";
        }

        @Override
        public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
            return control;
        }
    }
}

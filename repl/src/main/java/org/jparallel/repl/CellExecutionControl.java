package org.jparallel.repl;

import java.lang.instrument.ClassDefinition;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import jdk.jshell.execution.LocalExecutionControl;
import org.jparallel.display.Display;

/**
 * JShell's local execution with three additions the session needs: the bytecode of every
 * snippet class, the real object a variable holds (JShell itself only gives a string), and
 * knowing that an evaluation was stopped (JShell reports a stop as a silent success).
 */
final class CellExecutionControl extends LocalExecutionControl {

    /** From JDK 20, JShell weaves stop checks into snippet classes (Thread.stop is gone); before, it stops threads. */
    private static final boolean STOP_CHECKS = Runtime.version().feature() >= 20;
    /** The class the stop checks woven into snippet classes call before JDK 20 ({@link StopChecks#checksClass}). */
    private static final String CHECKS_CLASS = "REPL.$Stop$";
    private static final String CHECKS_INTERNAL_NAME = CHECKS_CLASS.replace('.', '/');
    /** How long a cell whose wait a stop hook ended may take to end by itself before JShell's stop ends it. */
    private static final long HOOKED_CELL_END_MILLIS = 200;
    /**
     * How long running snippet code may take to reach a woven check before {@code Thread.stop} ends its thread:
     * checks end it where a check is, as an exception the JDK's code unwinds as any other, whereas Thread.stop can
     * land in the middle of a pool's bookkeeping (a parallel stream's pool then kept a task no thread would take).
     */
    private static final long WOVEN_CHECK_MILLIS = 300;
    /** How long a stopped cell may run on (in a jar's code, from JDK 20) before the cell is told why it does. */
    private static final long STILL_RUNNING_NOTICE_MILLIS = 2000;

    private final Map<String, byte[]> classBytes = new ConcurrentHashMap<>();
    private volatile boolean stopRequested;
    private volatile boolean invoking;
    /** The thread running the snippet, once it has started (JShell's stop ends its thread group, before JDK 20). */
    private Thread snippetThread;
    /** Its thread group, which JShell's stop ends (before JDK 20), and JShell keeps for every snippet. */
    private volatile ThreadGroup snippetGroup;
    private volatile boolean stopped;
    private long stops;
    private Field addressedVariable;
    private String invokedClass;
    /** Time spent in {@link #invoke(String, String)}: the cells' code, not its compilation. */
    private volatile long invokeNanos;
    private volatile DeclaredTypes declaredTypes = DeclaredTypes.NONE;
    private volatile ViewActivation views = ViewActivation.NONE;
    private volatile Display display;
    private CellContextLoader contextLoader;
    /** A thread running user code outside a snippet ({@link #callOutsideSnippets}), which stop() stops too. */
    private Thread outside;
    private boolean outsideStopped;
    /** What the running cell's code waits for elsewhere: stopped with it (see CellInterrupts). */
    private final List<Runnable> onStop = new CopyOnWriteArrayList<>();
    /** Whether snippet classes get stop checks of ours: before JDK 20, when the session asks for them. */
    private final boolean weaving;
    /** Whether JShell's own stop checks class is defined (JDK 20 and later; see {@link #defineStopChecksClass}). */
    private boolean stopChecksDefined;
    /** {@code REPL.$Stop$.stop}, once the checks class is loaded. */
    private volatile Field checksStop;

    private CellExecutionControl(boolean weaving) {
        this.weaving = weaving;
        if (weaving) {
            // ASM's classes load and verify slowly (a class file version CDS cannot archive): ~100 ms at the first
            // snippet class otherwise, while JShell is still starting on this thread.
            Thread warmUp = new Thread(() -> StopChecks.woven(StopChecks.checksClass(CHECKS_INTERNAL_NAME),
                    CHECKS_INTERNAL_NAME), "jparallel-stop-checks-warm-up");
            warmUp.setDaemon(true);
            warmUp.start();
        }
    }

    /** @param stopChecks whether to weave stop checks into snippet classes where JShell does not (JDK 17-19) */
    static CellExecutionControl create(boolean stopChecks) {
        // The default loader delegate makes its loader the context class loader of the thread
        // that builds it; the caller's thread is left alone and invoke sets it per snippet instead.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try {
            return new CellExecutionControl(stopChecks && !STOP_CHECKS);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public void load(ClassBytecodes[] compiled)
            throws ClassInstallException, NotImplementedException, EngineTerminationException {
        defineStopChecksClass();
        ClassBytecodes[] classes = serializable(compiled);
        super.load(woven(classes));
        // Without stop checks: on JDK 20+ super.load weaves them into a copy of its own, as woven does before.
        for (ClassBytecodes c : classes) {
            classBytes.put(c.name(), c.bytecodes());
        }
    }

    /**
     * Redefines cells' classes in place, as the jshell tool's remote execution does through JDI: a class JShell
     * compiled again (a method it calls was declared anew, with another body) keeps its identity, its static fields
     * (the cells' variables) and its objects. JShell's local execution cannot; it replaces the class then, and the
     * variables holding its objects were dropped. Where the JVM gives no {@link Instrumentation}, or refuses the
     * change (a field or method added or removed), JShell replaces the classes as before.
     */
    @Override
    public void redefine(ClassBytecodes[] compiled)
            throws ClassInstallException, NotImplementedException, EngineTerminationException {
        Instrumentation instrumentation = ClassRedefinition.instrumentation().orElseThrow(() ->
                new NotImplementedException("redefining classes needs the JVM's instrumentation"));
        ClassBytecodes[] classes = serializable(compiled);
        ClassBytecodes[] installed = jshellStopChecks(woven(classes));
        ClassDefinition[] definitions = new ClassDefinition[installed.length];
        try {
            for (int i = 0; i < installed.length; i++) {
                definitions[i] = new ClassDefinition(findClass(installed[i].name()), installed[i].bytecodes());
            }
            instrumentation.redefineClasses(definitions); // all or none
        } catch (ClassNotFoundException | UnmodifiableClassException | UnsupportedOperationException
                 | LinkageError | InternalError e) {
            // InternalError: "invalid class", a class whose initializer failed, which JShell can still replace
            throw new ClassInstallException("redefine: " + e, new boolean[installed.length]);
        }
        classesRedefined(installed);
        for (ClassBytecodes c : classes) {
            classBytes.put(c.name(), c.bytecodes());
        }
    }

    /**
     * The classes as JShell's {@code load} installs them from JDK 20 on, its stop checks woven in, so that code
     * redefined here still stops; on JDK 17 (or should JShell's weaving not be found) as they are.
     */
    private static ClassBytecodes[] jshellStopChecks(ClassBytecodes[] classes) {
        Method instrument = JShellWeaving.METHOD;
        if (instrument == null) {
            return classes;
        }
        ClassBytecodes[] woven = new ClassBytecodes[classes.length];
        try {
            for (int i = 0; i < classes.length; i++) {
                woven[i] = new ClassBytecodes(classes[i].name(), (byte[]) instrument.invoke(null, classes[i].bytecodes()));
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("JShell's stop checks could not be woven into a redefined class", e);
        }
        return woven;
    }

    /** JShell's private {@code LocalExecutionControl.instrument(byte[])}, opened to us by the instrumentation. */
    private static final class JShellWeaving {
        static final Method METHOD = find();

        private static Method find() {
            if (!STOP_CHECKS) {
                return null;
            }
            try {
                Module jshell = LocalExecutionControl.class.getModule();
                ClassRedefinition.instrumentation().ifPresent(inst -> inst.redefineModule(jshell, Set.of(), Map.of(),
                        Map.of(LocalExecutionControl.class.getPackageName(), Set.of(JShellWeaving.class.getModule())),
                        Set.of(), Map.of()));
                Method method = LocalExecutionControl.class.getDeclaredMethod("instrument", byte[].class);
                method.setAccessible(true);
                return method;
            } catch (ReflectiveOperationException | RuntimeException e) {
                Logger.getLogger(CellExecutionControl.class.getName()).log(Level.INFO, "redefined cells' classes"
                        + " get no stop checks: JShell's weaving was not found", e);
                return null;
            }
        }
    }

    /**
     * From JDK 20, JShell weaves calls to its stop checks class into snippet classes, and defines that class when it
     * first invokes a snippet. Snippet code that runs before (a record's constructor, when a pushed record becomes
     * the session's own on an engine that has run no cell yet) failed to find it, and a reference that failed to
     * resolve fails so for good: that record could not be made even by cells afterwards. The class is defined with
     * the first classes instead, by an invocation of nothing as JShell invokes snippets.
     */
    private void defineStopChecksClass() {
        if (!STOP_CHECKS || stopChecksDefined) {
            return;
        }
        stopChecksDefined = true;
        try {
            Method nothing = CellExecutionControl.class.getDeclaredMethod("nothing");
            nothing.setAccessible(true);
            super.invoke(nothing);
        } catch (Exception e) {
            throw new IllegalStateException("JShell's stop checks class did not load", e);
        }
    }

    /** What {@link #defineStopChecksClass} invokes. */
    private static void nothing() {
    }

    /** The classes with those declared in cells made Serializable: see {@link SerializableCellClasses}. */
    private static ClassBytecodes[] serializable(ClassBytecodes[] classes) {
        ClassBytecodes[] serializable = new ClassBytecodes[classes.length];
        for (int i = 0; i < classes.length; i++) {
            serializable[i] = new ClassBytecodes(classes[i].name(),
                    SerializableCellClasses.of(classes[i].name(), classes[i].bytecodes()));
        }
        return serializable;
    }

    /**
     * Before JDK 20, JShell stops only the threads of its snippet thread group, and a parallel stream's workers (or
     * an executor's threads) went on running the stopped cell's lambdas: those are seldom on a stack when looked at.
     * With checks of ours woven in, as JShell weaves its own from JDK 20 on, a stop ends snippet code in every thread.
     */
    private ClassBytecodes[] woven(ClassBytecodes[] classes)
            throws ClassInstallException, NotImplementedException, EngineTerminationException {
        if (!weaving) {
            return classes;
        }
        if (checksStop == null) {
            super.load(new ClassBytecodes[] {
                new ClassBytecodes(CHECKS_CLASS, StopChecks.checksClass(CHECKS_INTERNAL_NAME))});
            try {
                checksStop = findClass(CHECKS_CLASS).getField("stop");
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("the stop checks class did not load", e);
            }
        }
        ClassBytecodes[] woven = new ClassBytecodes[classes.length];
        for (int i = 0; i < classes.length; i++) {
            woven[i] = new ClassBytecodes(classes[i].name(),
                    StopChecks.woven(classes[i].bytecodes(), CHECKS_INTERNAL_NAME));
        }
        return woven;
    }

    /** Makes the woven checks throw, or lets snippet code run again (as JShell's {@code allStop} from JDK 20 on). */
    private void stopWovenCode(boolean stop) {
        Field flag = checksStop;
        if (flag == null) {
            return; // nothing woven loaded yet
        }
        try {
            flag.setBoolean(null, stop);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String invoke(String className, String methodName)
            throws RunException, EngineTerminationException, InternalException {
        invokedClass = className;
        if (stopRequested) {
            // A stop that came while the snippet compiled: don't start it.
            stopped = true;
            throw new StoppedException();
        }
        stopWovenCode(false); // a new cell: what an earlier stop ended may run again, as in JShell from JDK 20 on
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        long start = System.nanoTime();
        try {
            // User code runs on a thread started from this one: it inherits this loader,
            // so ServiceLoader and Class.forName with the context loader see snippet classes and added jars.
            thread.setContextClassLoader(contextLoader(findClass(className).getClassLoader()));
            invoking = true;
            return super.invoke(className, methodName);
        } catch (ClassNotFoundException e) {
            throw new InternalException("no class " + className);
        } catch (StoppedException e) {
            stopped = true;
            throw e;
        } finally {
            invoking = false;
            thread.setContextClassLoader(previous);
            invokeNanos += System.nanoTime() - start; // one evaluating thread at a time
        }
    }

    /** How long the cells' code has run, in all: time in {@link #invoke(String, String)}. */
    long invokeNanos() {
        return invokeNanos;
    }

    /** See {@link ValuelessInvocation}: JShell must not make the value's string. */
    @Override
    protected String invoke(Method doitMethod) throws Exception {
        try {
            super.invoke(ValuelessInvocation.of(doitMethod, this::snippetStarts));
            return "";
        } finally {
            ValuelessInvocation.done();
            synchronized (this) {
                snippetThread = null;
            }
        }
    }

    /** On the snippet's thread as it starts: a stop that came since the cell's last check ends it here. */
    @SuppressWarnings({"deprecation", "removal"})
    private synchronized void snippetStarts(Thread thread) {
        snippetThread = thread;
        snippetGroup = thread.getThreadGroup();
        if (weaving && stopRequested) {
            throw new ThreadDeath(); // as JShell's stop would have thrown it, in a thread it had not started yet
        }
    }

    /**
     * Runs {@code work}, which calls into user code outside a snippet (a value's {@code toString} as the kernel
     * renders it), on a thread of its own that {@link #stop()} stops as JShell stops a snippet's: {@code Thread.stop}
     * before JDK 20, JShell's stop checks (woven into snippet classes) from JDK 20 on. Rethrows what it threw.
     *
     * @throws CellStoppedException when stopped
     */
    <T> T callOutsideSnippets(Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                result.set(work.get());
            } catch (Throwable t) { // ThreadDeath from a stop included: reported to the caller
                thrown.set(t);
            }
        }, "jparallel-user-code");
        thread.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        synchronized (this) {
            outside = thread;
            outsideStopped = false;
        }
        stopWovenCode(false); // a value's toString after a stopped cell is code the user wants run
        thread.start();
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true; // the work decides when it ends; stop() is how to end it
            }
        }
        boolean stopped;
        synchronized (this) {
            outside = null;
            stopped = outsideStopped;
        }
        if (stopped) {
            cancelSnippetCode(false);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable failure = thrown.get();
        if (stopped && (failure == null || failure instanceof ThreadDeath || failure instanceof InterruptedException
                || failure.getCause() instanceof InterruptedException)) {
            throw new CellStoppedException();
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
        return result.get();
    }

    @SuppressWarnings({"deprecation", "removal"})
    private void stopOutside(Thread thread) {
        thread.interrupt();
        stopWovenCode(true);
        if (STOP_CHECKS) {
            cancelSnippetCode(true);
        } else {
            thread.stop(); // as JShell stops a snippet's thread up to JDK 19
        }
    }

    /** Sets the flag JShell's stop checks read (REPL.$Cancel$.allStop, JDK 20+; absent before a snippet ran). */
    private void cancelSnippetCode(boolean cancel) {
        if (!STOP_CHECKS) {
            return;
        }
        try {
            findClass("REPL.$Cancel$").getField("allStop").setBoolean(null, cancel);
        } catch (ReflectiveOperationException e) {
            // no snippet ran yet, so no snippet class can be running
        }
    }

    @Override
    @SuppressWarnings({"deprecation", "removal"})
    public void stop() throws EngineTerminationException, InternalException {
        Thread cellThread;
        long stop;
        synchronized (this) {
            if (outside != null) {
                outsideStopped = true;
                stopOutside(outside);
            }
            stop = ++stops;
            stopRequested = true; // before the hooks: a wait they end must find the cell stopped, not failed
            cellThread = snippetThread; // null: not started, and snippetStarts will find the stop
        }
        // Before JShell's stop: on JDK 17 it unwinds the waiting code at once, and with it the hooks it registered.
        boolean hooked = !onStop.isEmpty();
        for (Runnable action : onStop) {
            try {
                action.run();
            } catch (RuntimeException e) {
                Logger.getLogger(CellExecutionControl.class.getName()).log(Level.WARNING,
                        "stopping what a cell waited for failed", e);
            }
        }
        boolean cellRunning = invoking;
        if (cellRunning) {
            stopWovenCode(true);
        }
        // A hook that ended the wait ends the cell: its thread is then on its way out, and JShell's Thread.stop
        // could land in the thread's exit ("Cleaner terminated abnormally"), after which the kernel heard no more.
        if (!(hooked && cellEndsWithin(HOOKED_CELL_END_MILLIS))) {
            if (!weaving) {
                super.stop();
            } else if (cellThread != null && !(running(cellThread) && cellEndsWithin(WOVEN_CHECK_MILLIS))) {
                // Not JShell's stop of the snippet's whole thread group: a pool's threads that a cell started are in
                // it, and a ThreadDeath landing in the pool's own code (not in a snippet's, which the woven checks
                // end where a check is) left a parallel stream's pool with a task no thread would take.
                cellThread.stop();
            }
        }
        if (cellRunning && !STOP_CHECKS) {
            stopOtherSnippetThreads(cellThread, weaving ? null : snippetGroup, weaving ? WOVEN_CHECK_MILLIS : 0);
        }
        if (cellRunning && STOP_CHECKS && cellThread != null) {
            noticeIfStillRunning(cellThread, stop);
        }
    }

    /**
     * From JDK 20 a stop reaches only code that carries checks (the cells', the classes a client ships): code of a jar
     * that never heeds an interrupt runs on, and the cell with it. Rather than leave the notebook waiting in silence,
     * the cell is told where it runs and what ends it, once it has run on for a while.
     */
    private void noticeIfStillRunning(Thread cellThread, long stop) {
        Thread notice = new Thread(() -> {
            if (cellEndsWithin(STILL_RUNNING_NOTICE_MILLIS)) {
                return;
            }
            synchronized (this) {
                if (stops != stop || snippetThread != cellThread) {
                    return; // stopped again meanwhile, or another cell: that stop speaks for itself
                }
            }
            System.err.println("The cell still runs after the interrupt, in " + whereItRuns(cellThread.getStackTrace())
                    + ": from Java 20 on, an interrupt stops the notebook's own code, and code of a jar only where it"
                    + " heeds interrupts (a sleep, a wait). It ends when that code returns, or with a restart of the"
                    + " kernel.");
        }, "jparallel-stop-notice");
        notice.setDaemon(true);
        notice.start();
    }

    /**
     * The frame of a jar's code the cell's thread runs in; or, where the cell's own code called the JDK and waits there
     * ({@code CompletableFuture.join} ignores interrupts), the JDK's method it called: a snippet's wrapper frame would
     * name neither.
     */
    static String whereItRuns(StackTraceElement[] stack) {
        for (int i = 0; i < stack.length; i++) {
            String type = stack[i].getClassName();
            if (type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.")) {
                continue;
            }
            if (type.startsWith("REPL.") && i > 0) {
                return stack[i - 1].getClassName() + "." + stack[i - 1].getMethodName() + ", called by the cell";
            }
            return stack[i].toString();
        }
        return "the JDK's code";
    }

    /** Whether the thread runs (a woven check may come), rather than waits in the JDK's code (none will). */
    private static boolean running(Thread thread) {
        return thread.getState() == Thread.State.RUNNABLE;
    }

    private boolean cellEndsWithin(long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (invoking && System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !invoking;
    }

    /**
     * Before JDK 20, JShell stops the threads of the snippet's thread group only: an executor's thread made by an
     * earlier cell went on running the stopped cell's endless lambda. From JDK 20 its stop checks end snippet code
     * in every thread, and so do ours where woven ({@link #woven}); here, Thread.stop ends every other thread whose
     * stack shows snippet code (a frame of a class of package REPL), which also ends such code waiting in the JDK's
     * (a {@code Thread.sleep}), where no check comes. Without woven checks, a parallel stream's short lambdas are
     * seldom on the stack when looked at: those go on. With them, threads that run get {@code checkMillis} to reach
     * a check first.
     */
    @SuppressWarnings({"deprecation", "removal"})
    private static void stopOtherSnippetThreads(Thread cellThread, ThreadGroup stoppedByJShell, long checkMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(checkMillis);
        List<Thread> left = otherSnippetThreads(cellThread, stoppedByJShell);
        // Those running woven code end at their next check: Thread.stop for those that stay (WOVEN_CHECK_MILLIS)
        while (left.stream().anyMatch(CellExecutionControl::running) && System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            left = otherSnippetThreads(cellThread, stoppedByJShell);
        }
        left.forEach(Thread::stop);
    }

    /** The threads but this one, the cell's and ours whose stack shows snippet code (a class of package REPL). */
    private static List<Thread> otherSnippetThreads(Thread cellThread, ThreadGroup stoppedByJShell) {
        Thread self = Thread.currentThread();
        List<Thread> found = new ArrayList<>();
        for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
            Thread thread = entry.getKey();
            if (thread == self || thread == cellThread || thread.getName().startsWith("jparallel-")
                    || stoppedByJShell != null && thread.getThreadGroup() == stoppedByJShell) {
                continue; // ours stop as they should; a second stop of JShell's could land in its ending
            }
            for (StackTraceElement frame : entry.getValue()) {
                if (frame.getClassName().startsWith("REPL.")) {
                    found.add(thread);
                    break;
                }
            }
        }
        return found;
    }

    /** The session's declared types, which the context class loader of user code offers (see CellContextLoader). */
    void declaredTypes(DeclaredTypes types) {
        this.declaredTypes = types;
    }

    void views(ViewActivation activation) {
        this.views = activation;
    }

    /** The display the context class loader of user code offers (see CellDisplay). */
    void display(Display cellDisplay) {
        this.display = cellDisplay;
    }

    /** A class of a snippet, or of a jar the cells added, by binary name. */
    Class<?> snippetClass(String binaryName) throws ClassNotFoundException {
        return findClass(binaryName);
    }

    private synchronized ClassLoader contextLoader(ClassLoader snippets) {
        if (contextLoader == null || contextLoader.getParent() != snippets) {
            contextLoader = new CellContextLoader(snippets, declaredTypes, this::onStop,
                    (clientFile, targets, suffix) -> views.activate(clientFile, targets, suffix),
                    () -> Optional.ofNullable(display));
        }
        return contextLoader;
    }

    /** See {@link CellInterrupts}. */
    private AutoCloseable onStop(Runnable action) {
        onStop.add(action);
        return () -> onStop.remove(action);
    }

    /** How many stops were asked for so far: a cell notes it before it waits for the shell. */
    synchronized long stops() {
        return stops;
    }

    /**
     * The wrapper class invoked since the last call, or null: after {@code JShell.eval} of a
     * statement or expression, the class that runs it again.
     */
    String takeInvokedClass() {
        String invoked = invokedClass;
        invokedClass = null;
        return invoked;
    }

    /**
     * Forgets the stops of earlier cells; called as a cell starts. A stop asked for after {@code stopsBefore} (the
     * count when the cell was submitted) came while the cell waited for the shell (the first cell waits for the
     * session's warm-up, any cell for a completion in progress): it is this cell's, and holds.
     */
    synchronized void clearStopsBefore(long stopsBefore) {
        if (stops == stopsBefore) {
            stopRequested = false;
        }
        stopped = false;
    }

    /** Whether a stop was requested during this cell, whether or not user code was running. */
    boolean stopRequested() {
        return stopRequested || stopped;
    }

    /**
     * Only the session calls {@code JShell.varValue}, to learn which static field holds a
     * variable; the real object is then read or written through {@link #addressedVariable()}.
     * No string is made, so a user {@code toString} never runs here.
     */
    @Override
    public String varValue(String className, String varName) throws InternalException {
        try {
            Field field = findClass(className).getDeclaredField(varName);
            field.setAccessible(true);
            addressedVariable = field;
            return "";
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new InternalException("cannot reach variable " + varName + ": " + e);
        }
    }

    /** The field of the variable last named through {@code JShell.varValue}. */
    Field addressedVariable() {
        return addressedVariable;
    }

    /** Takes note of a class that other code defined in the cells' loader, so that values of it ship its bytecode. */
    void definedBeside(String binaryName, byte[] bytecode) {
        classBytes.put(binaryName, bytecode);
    }

    /** Bytecode of every class loaded or redefined so far, by binary name; a live read-only view. */
    Map<String, byte[]> classBytes() {
        return Collections.unmodifiableMap(classBytes);
    }
}

package org.jparallel.kernel;

import com.google.gson.JsonObject;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jparallel.controller.launch.ClusterLauncher;
import org.jparallel.display.DisplayEvent;
import org.jparallel.display.MimeBundle;
import org.jparallel.display.MimeRenderer;
import org.jparallel.kernel.channel.Channel;
import org.jparallel.kernel.channel.KernelSockets;
import org.jparallel.kernel.channel.Responder;
import org.jparallel.kernel.handler.CommHandler;
import org.jparallel.kernel.handler.CompletionHandler;
import org.jparallel.kernel.handler.ExecuteHandler;
import org.jparallel.kernel.handler.HistoryHandler;
import org.jparallel.kernel.handler.InspectionHandler;
import org.jparallel.kernel.handler.InterruptHandler;
import org.jparallel.kernel.handler.IsCompleteHandler;
import org.jparallel.kernel.handler.KernelInfoHandler;
import org.jparallel.kernel.handler.RequestDispatcher;
import org.jparallel.kernel.handler.ShutdownHandler;
import org.jparallel.kernel.history.History;
import org.jparallel.kernel.history.HistoryMagic;
import org.jparallel.kernel.io.IoPub;
import org.jparallel.kernel.io.RequestScope;
import org.jparallel.kernel.io.StdinBridge;
import org.jparallel.kernel.protocol.MsgType;
import org.jparallel.magic.MagicRegistry;
import org.jparallel.magics.ParallelMagics;
import org.jparallel.maven.MavenMagic;
import org.jparallel.repl.CellOutcome;
import org.jparallel.repl.DrainableOutputStream;
import org.jparallel.repl.JavaSession;
import org.jparallel.repl.JavadocSources;
import org.jparallel.repl.SessionOptions;
import org.jparallel.repl.Value;
import org.jparallel.wire.ConnectionInfo;
import org.jparallel.wire.HmacSigner;
import org.jparallel.wire.Message;
import org.jparallel.wire.MessageCodec;

/**
 * A running Jupyter kernel: sockets, a thread that runs shell requests one at a time, a thread for
 * control requests (so interrupt and shutdown work while a cell runs), and a JShell session that warms
 * up in the background while the frontend connects.
 *
 * <pre>{@code
 * try (Kernel kernel = Kernel.start(ConnectionInfo.read(file))) {
 *     kernel.awaitShutdown();
 * }
 * }</pre>
 */
public final class Kernel implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Kernel.class.getName());
    private static final Message STOP = Message.create("stop", "", new JsonObject());
    private static final long STREAM_FLUSH_MILLIS = 20;
    /**
     * The client API and {@code Cluster}, imported into every cell beside JShell's own default imports;
     * {@code Duration} and {@code Instant}, which the API's timeouts and task queries take; and the display types a cell's own renderable class names
     * (single types: an on-demand import of the package would make {@code Image} ambiguous beside
     * {@code java.awt.*}).
     */
    private static final String CLIENT_IMPORTS = """
            import java.time.Duration;
            import java.time.Instant;
            import org.jparallel.client.*;
            import static org.jparallel.client.Parallel.*;
            import org.jparallel.cluster.*;
            import org.jparallel.display.Displayable;
            import org.jparallel.display.MimeBundle;
            import org.jparallel.display.MimeRenderer;
            import org.jparallel.display.MimeType;
            """;

    private final String session = UUID.randomUUID().toString();
    private final BlockingQueue<Message> shellQueue = new LinkedBlockingQueue<>();
    private final BlockingQueue<Message> controlQueue = new LinkedBlockingQueue<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final RequestScope scope = new RequestScope();
    private final History history = new History();
    private final ParallelMagics parallel = new ParallelMagics(ClusterLauncher.fromEnvironment());
    private final MagicRegistry magics = parallel.registerIn(new MavenMagic().registerIn(
            MagicRegistry.builtins(NotebookSession.OWN_VARIABLES))).register(new HistoryMagic(history));
    private final CompletableFuture<NotebookSession> notebook = new CompletableFuture<>();
    private final ScheduledExecutorService streamTimer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "jparallel-stream-flush");
        t.setDaemon(true);
        return t;
    });
    private final KernelSockets sockets;
    private final IoPub iopub;
    private final Responder responder;
    private final DrainableOutputStream stdout;
    private final DrainableOutputStream stderr;
    private final StdinBridge stdin;
    private final RequestDispatcher dispatcher;
    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;
    private volatile boolean running = true;
    private volatile CompletableFuture<Void> openingInterrupt = new CompletableFuture<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private Kernel(ConnectionInfo info) {
        MessageCodec codec = new MessageCodec(HmacSigner.create(info.signatureScheme(), info.key()));
        this.sockets = KernelSockets.bind(info, codec, this::inbound);
        this.iopub = new IoPub(sockets, session);
        this.responder = new Responder(sockets, session);
        this.stdout = new DrainableOutputStream(text -> iopub.stream(scope.request(), "stdout", text));
        this.stderr = new DrainableOutputStream(text -> iopub.stream(scope.request(), "stderr", text));
        DrainableOutputStream.interleave(stdout, stderr); // a trace on stderr shows between the lines it came between
        this.stdin = new StdinBridge(sockets, session, scope, this::drainOutput);
        this.dispatcher = dispatcher();
    }

    /** Binds the sockets, redirects standard streams to iopub, and starts JShell in the background. */
    public static Kernel start(ConnectionInfo info) {
        Kernel kernel = new Kernel(info);
        JavadocSources.addToThisJvm(Kernel.class.getClassLoader()); // the inspector shows the client API's Javadoc
        kernel.redirectStandardStreams();
        kernel.startThreads();
        kernel.warmUp();
        return kernel;
    }

    private RequestDispatcher dispatcher() {
        CommHandler comms = new CommHandler(iopub, responder);
        return new RequestDispatcher(iopub, responder)
                .on(MsgType.KERNEL_INFO_REQUEST, new KernelInfoHandler(responder))
                .on(MsgType.EXECUTE_REQUEST, new ExecuteHandler(this::cells, iopub, responder, scope, history,
                        this::drainOutput, this::abortQueued))
                .on(MsgType.COMPLETE_REQUEST, new CompletionHandler(this::javaSession, magics, responder))
                .on(MsgType.INSPECT_REQUEST, new InspectionHandler(this::javaSession, magics, responder))
                .on(MsgType.IS_COMPLETE_REQUEST, new IsCompleteHandler(this::javaSession, responder))
                .on(MsgType.HISTORY_REQUEST, new HistoryHandler(history, responder))
                .on(MsgType.COMM_INFO_REQUEST, comms::info)
                .on(MsgType.COMM_OPEN, comms::open)
                .on(MsgType.COMM_MSG, comms::ignore)
                .on(MsgType.COMM_CLOSE, comms::ignore)
                .on(MsgType.INTERRUPT_REQUEST, new InterruptHandler(this::interrupt, responder))
                .on(MsgType.SHUTDOWN_REQUEST, new ShutdownHandler(responder, iopub, this::requestShutdown));
    }

    private void inbound(Channel channel, Message message) {
        switch (channel) {
            case SHELL -> shellQueue.add(message);
            case CONTROL -> controlQueue.add(message);
            case STDIN -> {
                if (message.msgType().equals(MsgType.INPUT_REPLY.wireName())) {
                    stdin.answer(message);
                }
            }
            default -> LOG.warning("unexpected message on " + channel);
        }
    }

    private void redirectStandardStreams() {
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        System.setIn(stdin);
        streamTimer.scheduleWithFixedDelay(this::drainOutput, STREAM_FLUSH_MILLIS, STREAM_FLUSH_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    private void startThreads() {
        startLoop("jparallel-shell", shellQueue, Channel.SHELL);
        startLoop("jparallel-control", controlQueue, Channel.CONTROL);
    }

    private void startLoop(String name, BlockingQueue<Message> queue, Channel channel) {
        Thread thread = new Thread(() -> {
            try {
                for (Message message = queue.take(); message != STOP; message = queue.take()) {
                    dispatcher.dispatch(channel, message);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Opens JShell on its own thread, so {@code kernel_info_request} is answered meanwhile. */
    private void warmUp() {
        Thread thread = new Thread(() -> {
            try {
                JavaSession java = JavaSession.open(SessionOptions.defaults()
                        .withHostClassPath()
                        .withStartup(List.of(SessionOptions.JSHELL_IMPORTS + CLIENT_IMPORTS)));
                NotebookSession opened = NotebookSession.open(java, magics, this::publishDisplay, history.inputs());
                java.onViewActivation((clientFile, targets, suffix) ->
                        parallel.activate(clientFile, targets, suffix, magics));
                notebook.complete(opened);
                java.warmUp(); // completion and analysis; a first cell that comes meanwhile just waits its turn
            } catch (RuntimeException | Error e) {
                LOG.log(Level.SEVERE, "JShell did not start", e);
                notebook.completeExceptionally(e);
            }
        }, "jparallel-jshell-startup");
        thread.setDaemon(true);
        thread.start();
    }

    private void publishDisplay(DisplayEvent event) {
        drainOutput(); // text printed before the display shows above it
        iopub.publish(scope.request(), event.messageType(), event.content());
    }

    private NotebookSession notebook() {
        return notebook.join();
    }

    private JavaSession javaSession() {
        return notebook().session();
    }

    private ExecuteHandler.Cells cells() {
        // An interrupt while this request waits for JShell to open is meant for it: answer at once.
        CompletableFuture<Void> interrupted = new CompletableFuture<>();
        openingInterrupt = interrupted;
        CompletableFuture.anyOf(notebook, interrupted).join();
        if (interrupted.isDone()) {
            return new ExecuteHandler.Cells() {
                @Override
                public CellOutcome run(String cell, String cellName) {
                    return new CellOutcome.Interrupted();
                }

                @Override
                public void remember(int executionCount, Value value) {
                }

                @Override
                public MimeBundle render(Object value) {
                    return new MimeRenderer().render(value);
                }

                @Override
                public CellOutcome.RuntimeError errorOf(Throwable thrown) {
                    throw new IllegalStateException("no cell ran", thrown);
                }
            };
        }
        NotebookSession opened = notebook();
        return new ExecuteHandler.Cells() {
            @Override
            public CellOutcome run(String cell, String cellName) {
                return opened.run(cell, cellName);
            }

            @Override
            public void remember(int executionCount, Value value) {
                opened.remember(executionCount, value);
            }

            @Override
            public MimeBundle render(Object value) {
                return opened.renderValue(value);
            }

            @Override
            public CellOutcome.RuntimeError errorOf(Throwable thrown) {
                return opened.session().errorOf(thrown);
            }
        };
    }

    private void drainOutput() {
        System.out.flush();
        System.err.flush();
        stdout.drain();
        stderr.drain();
    }

    /** Interrupts the running cell, as an interrupt_request does. */
    void interrupt() {
        openingInterrupt.complete(null);
        stdin.cancel();
        // Not thenAccept: a stop delivered once JShell opens would hit the next cell instead.
        if (notebook.isDone() && !notebook.isCompletedExceptionally()) {
            notebook.join().interrupt();
        }
    }

    /** Answers every execute request queued behind a failed cell with {@code status: aborted}. */
    private void abortQueued() {
        List<Message> queued = new ArrayList<>();
        shellQueue.drainTo(queued);
        for (Message request : queued) {
            if (request == STOP) {
                shellQueue.add(STOP);
            } else if (request.msgType().equals(MsgType.EXECUTE_REQUEST.wireName())) {
                iopub.status(request, "busy");
                JsonObject aborted = new JsonObject();
                aborted.addProperty("status", "aborted");
                responder.reply(Channel.SHELL, request, aborted);
                iopub.status(request, "idle");
            } else {
                dispatcher.dispatch(Channel.SHELL, request);
            }
        }
    }

    private void requestShutdown() {
        running = false;
        stopped.countDown();
    }

    private static void quietly(String what, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not " + what + " while closing", e);
        }
    }

    /** Blocks until a {@code shutdown_request} arrives. */
    public void awaitShutdown() throws InterruptedException {
        stopped.await();
    }

    public boolean running() {
        return running;
    }

    /**
     * Stops the threads, the clusters {@code %cluster} started, JShell and the sockets, and gives the process
     * its streams back. Safe to call twice (a shutdown request, then the JVM's shutdown hook).
     */
    @Override
    public void close() {
        close(true);
    }

    /**
     * What the JVM's shutdown hook runs: {@link #close()} without stopping the running cell or JShell. A cell
     * that calls {@code System.exit} runs the hooks on its own thread, and stopping that thread would abort
     * the exit halfway, leaving a process with its sockets closed that no frontend would restart.
     */
    public void closeForExit() {
        close(false);
    }

    private void close(boolean stopCell) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        running = false;
        // Each step on its own: one that fails must not leave a cluster or a socket behind.
        if (stopCell) {
            quietly("interrupt", this::interrupt);
        }
        shellQueue.add(STOP);
        controlQueue.add(STOP);
        streamTimer.shutdownNow();
        quietly("drain output", this::drainOutput);
        quietly("stop the clusters %cluster started", parallel::close);
        if (stopCell) {
            quietly("close JShell", () -> notebook.thenAccept(NotebookSession::close));
        }
        quietly("close the sockets", sockets::close);
        System.setOut(originalOut);
        System.setErr(originalErr);
    }
}

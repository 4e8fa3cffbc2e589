package org.jparallel.engine;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jparallel.client.values.TaskStop;
import org.jparallel.display.Display;
import org.jparallel.display.DisplayEvent;
import org.jparallel.repl.DrainableOutputStream;
import org.jparallel.wire.BackgroundThreads;
import org.jparallel.wire.Header;
import org.jparallel.wire.HmacSigner;
import org.jparallel.wire.MalformedMessageException;
import org.jparallel.wire.Message;
import org.jparallel.wire.MessageCodec;
import org.jparallel.wire.RunAfter;
import org.jparallel.wire.TaskLinkHello;
import org.jparallel.wire.link.LinkClient;
import org.jparallel.wire.link.PullLink;

/**
 * An engine: one JShell session serving a controller's requests in order on one execution thread.
 *
 * <p>Two links lead to the controller. Requests to run come on the task link, which the execution thread
 * reads itself ({@link PullLink}), in order; everything the engine sends, and what the controller asks out of
 * band ({@code interrupt_request}, {@code abort_request}, {@code shutdown_request}, values other engines
 * need), goes over the other, whose socket thread answers at once. The engine registers before its session
 * has opened (see {@link SessionSlot}), and exits when its controller process ends or falls silent for
 * {@value #CONTROLLER_SILENCE_MILLIS} ms.
 *
 * <pre>{@code
 * Engine engine = Engine.start(EngineConnection.read(Path.of("engine.json")), -1);
 * engine.awaitStop();
 * engine.close();
 * }</pre>
 */
public final class Engine implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Engine.class.getName());
    /** How long a function has to heed an interrupt before an engine before JDK 20 stops it with Thread.stop. */
    private static final long STOP_GRACE_MILLIS = 500;
    /** How long a stopped function's other threads may take to reach a stop check before the next request runs. */
    private static final long STOPPED_CODE_WAIT_MILLIS = 2000;
    static final long HEARTBEAT_MILLIS = 1000;
    static final long CONTROLLER_SILENCE_MILLIS = 20_000;
    private static final long FLUSH_MILLIS = 20;
    /**
     * How much output may wait for the socket before what prints waits too: a loop that prints as fast as it can
     * grew the engine's heap by a gigabyte in 30 s, and its heartbeats queued behind the output.
     */
    private static final long OUTPUT_BACKLOG_BYTES = 4L << 20;
    private static final long TASK_LINK_RETRY_MILLIS = 100;
    /**
     * A pause, not a gap in a stream of tasks: a program's pauses between bursts (300 ms was tried) had the
     * session's seconds of javac land in the next burst. A notebook's engines idle longer between cells.
     */
    static final Duration IDLE_BEFORE_SESSION = Duration.ofSeconds(2);

    private final EngineConnection connection;
    private final MessageCodec codec;
    private final LinkClient link;
    private final Outbound outbound;
    private final CurrentRequest current = new CurrentRequest();
    /** Guards {@link #running}: an abort that stops the running request must not stop the one after it. */
    private final Object runningLock = new Object();
    /** The msg_id of the request the execution thread runs, or null between requests. */
    private String running;
    private final DrainableOutputStream stdout;
    private final DrainableOutputStream stderr;
    private final SessionSlot session;
    private final HeldResults held = new HeldResults();
    private final Inputs inputs;
    private final EngineBulk bulk;
    private final Map<String, Function<Message, Reply>> handlers = new HashMap<>();
    /** Pairs the task link with the registration: the controller matches the two by it. */
    private final String taskLinkToken = UUID.randomUUID().toString();
    /** Requests aborted before the execution thread took them: answered "aborted" when it does. */
    private final Set<String> abortedAhead = ConcurrentHashMap.newKeySet();
    /** Tasks sent to wait behind others here: msg_id → the tasks they wait for. */
    private final Map<String, List<String>> waitingBehind = new ConcurrentHashMap<>();
    private final RanHere ranHere = new RanHere();
    private final ScheduledExecutorService timers =
            Executors.newSingleThreadScheduledExecutor(BackgroundThreads.factory("jparallel-engine-timers"));
    /** Drains output every few milliseconds; apart from the timers, since a slow link holds it back. */
    private final ScheduledExecutorService outputDrain =
            Executors.newSingleThreadScheduledExecutor(BackgroundThreads.factory("jparallel-engine-output"));
    private final CountDownLatch stopped = new CountDownLatch(1);
    /** Counted down by the registration's reply: replies carry the engine's id, so requests wait for it. */
    private final CountDownLatch registered = new CountDownLatch(1);
    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;
    private final Thread executor;
    private volatile long lastHeardNanos = System.nanoTime();
    private volatile PullLink taskLink;
    /** Guards {@link #applying} and the interrupts sent to the execution thread (see {@link #interrupt}). */
    private final Object applyingLock = new Object();
    private boolean applying;
    /** Which apply is (or was last) running, so that a stop scheduled for one never hits the next. */
    private long applyNumber;

    /**
     * @param values the codec of apply, push and pull, given the engine's display (which shows what a function
     *               sent here displays as its task's output)
     */
    private Engine(EngineConnection connection, Function<Display, Values> values, EngineBulk bulk) {
        this.connection = connection;
        this.bulk = bulk;
        this.codec = new MessageCodec(HmacSigner.create(connection.signatureScheme(), connection.key()));
        try {
            this.link = LinkClient.connect(connection.addresses(), "engine", this::received);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a link to the controller at " + connection.address(), e);
        }
        this.outbound = new Outbound(codec, link, UUID.randomUUID().toString());
        this.inputs = new Inputs(held, outbound);
        this.stdout = new DrainableOutputStream(text -> sendOutput("stdout", text));
        this.stderr = new DrainableOutputStream(text -> sendOutput("stderr", text));
        DrainableOutputStream.interleave(stdout, stderr);
        // one display for cells and functions alike, so a renderer a cell registers serves both
        Display display = new Display(this::display);
        this.session = new SessionSlot(() -> EngineSession.open(display));
        ExecuteRequests execute = new ExecuteRequests(session, outbound, this::drainOutput);
        ValueRequests valueRequests = new ValueRequests(session, values.apply(display), held, inputs, bulk);
        handlers.put("execute_request", execute::execute);
        handlers.put("apply_request", request -> {
            try {
                synchronized (applyingLock) {
                    applying = true;
                    applyNumber++;
                }
                try {
                    return valueRequests.apply(request);
                } finally {
                    doneApplying();
                }
            } catch (ThreadDeath stopped) {
                // JDK 17's Thread.stop (see stopRunning): wherever it landed, the function is over.
                doneApplying();
                return Reply.error(ErrorContent.of("Interrupted", "the function was stopped by an interrupt",
                        List.of("Interrupted: the function was stopped by an interrupt")));
            }
        });
        handlers.put("push_request", valueRequests::push);
        handlers.put("pull_request", valueRequests::pull);
        handlers.put("clear_request", request -> {
            session.reset();
            return Reply.ok();
        });
        this.executor = new Thread(this::serve, "jparallel-engine-execution");
    }

    /**
     * Connects to the controller, registers, and starts serving; the session opens in the background once the
     * engine is idle.
     *
     * @param idHint the id the launcher expects this engine to get (it names the log), or -1
     */
    static Engine start(EngineConnection connection, Function<Display, Values> values, EngineBulk bulk, int idHint) {
        Engine engine = new Engine(connection, values, bulk);
        engine.redirectStandardStreams();
        engine.register(idHint);
        engine.watchController();
        engine.executor.start();
        return engine;
    }

    /** Starts an engine that reads and writes values with the client's values codec. */
    public static Engine start(EngineConnection connection, int idHint) {
        EngineBulk bulk = EngineBulk.open(connection);
        return start(connection, display -> new CodecValues(bulk.fetcher(), display), bulk, idHint);
    }

    private void register(int idHint) {
        JsonObject content = new JsonObject();
        content.addProperty("pid", ProcessHandle.current().pid());
        content.addProperty("host", hostName());
        content.addProperty("java_version", Runtime.version().toString());
        content.addProperty("id_hint", idHint);
        content.addProperty(TaskLinkHello.REGISTRATION_FIELD, taskLinkToken);
        outbound.toController("registration_request", content);
    }

    private void watchController() {
        timers.scheduleWithFixedDelay(() -> outbound.toController("heartbeat", new JsonObject()),
                HEARTBEAT_MILLIS, HEARTBEAT_MILLIS, TimeUnit.MILLISECONDS);
        timers.scheduleWithFixedDelay(() -> {
            long silent = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastHeardNanos);
            if (silent > CONTROLLER_SILENCE_MILLIS) {
                stop("the controller has been silent for " + silent + " ms");
            }
        }, HEARTBEAT_MILLIS, HEARTBEAT_MILLIS, TimeUnit.MILLISECONDS);
        if (connection.controllerPid() > 0) {
            ProcessHandle.of(connection.controllerPid()).ifPresentOrElse(
                    controller -> controller.onExit().thenRun(() -> stop("the controller process ended")),
                    () -> stop("the controller process " + connection.controllerPid() + " is not running"));
        }
    }

    private void redirectStandardStreams() {
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        // Never throws: a periodic task that threw would never run again.
        outputDrain.scheduleWithFixedDelay(this::drainOrDropOutput, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** On the socket thread: what the controller asks out of band. */
    private void received(List<byte[]> frames) {
        Message message;
        try {
            message = codec.decode(frames);
        } catch (MalformedMessageException e) {
            LOG.warning("dropped a message from the controller: " + e.getMessage());
            return;
        }
        lastHeardNanos = System.nanoTime();
        switch (message.msgType()) {
            case "heartbeat" -> { }
            case "registration_reply" -> registered(message);
            case "interrupt_request" -> interrupt(message);
            case "abort_request" -> abort(message);
            case "value_request" -> sendHeld(message);
            case "value_reply" -> inputs.answered(message);
            case "release_request" -> held.release(msgIds(message));
            case "shutdown_request" -> {
                outbound.reply(message, Reply.ok().content(), List.of(), Header.now());
                stop("asked to shut down");
            }
            default -> LOG.warning("dropped a " + message.msgType() + " that came on the link for out-of-band"
                    + " requests; requests to run come on the task link");
        }
    }

    private void waitBehind(Message note) {
        try {
            RunAfter runAfter = RunAfter.of(note.content());
            waitingBehind.put(runAfter.msgId(), runAfter.after());
        } catch (IllegalArgumentException e) {
            LOG.warning("dropped a note from the controller: " + e.getMessage());
        }
    }

    private void registered(Message reply) {
        if (!"ok".equals(reply.content().has("status") ? reply.content().get("status").getAsString() : "")) {
            stop("the controller refused the registration: " + reply.content());
            return;
        }
        int id = reply.content().get("id").getAsInt();
        outbound.registeredAs(id);
        registered.countDown();
        LOG.info("registered as engine " + id);
    }

    private void interrupt(Message request) {
        stopRunning();
        outbound.reply(request, Reply.ok().content(), List.of(), Header.now());
    }

    private void doneApplying() {
        synchronized (applyingLock) {
            applying = false;
            if (!TaskStop.stopsShippedCode()) {
                TaskStop.resume(); // else settleStoppedCode, before the next request
            }
            Thread.interrupted(); // an interrupt that came as the function returned must not hit the next read
        }
    }

    /**
     * After a stopped function (JDK 20+), keeps shipped code told to stop until no other thread runs it any more,
     * at most {@value #STOPPED_CODE_WAIT_MILLIS} ms: a parallel stream's workers reach their next check only once
     * scheduled, and a flag lowered as the function ended left them looping for good. Before the next request, on
     * the execution thread, so that its own code runs unstopped.
     */
    private void settleStoppedCode() {
        if (!TaskStop.stopsShippedCode()) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STOPPED_CODE_WAIT_MILLIS);
        try {
            while (TaskStop.runsElsewhere() && System.nanoTime() - deadline < 0) {
                Thread.sleep(5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // an interrupt for the request to come: it stays set for it
        } finally {
            TaskStop.resume();
        }
    }

    /**
     * Stops the running request: a cell's code, or a client's function. The function is interrupted; on JDK 20
     * and later it also stops at the next stop check woven into its shipped classes; before, {@code Thread.stop}
     * stops it if it has not heeded the interrupt within {@value #STOP_GRACE_MILLIS} ms, as JShell stops cells
     * there; a function in a jar's code on JDK 20+ stops only when it heeds the interrupt (a sleep, a wait).
     */
    private void stopRunning() {
        session.stop();
        // Under the lock: an interrupt landing once the function has returned would stay set, and a selector
        // returns at once on an interrupted thread: the task link's every wait would end at once, a busy loop.
        synchronized (applyingLock) {
            if (applying) {
                boolean woven = TaskStop.stopShippedCode();
                executor.interrupt();
                if (!woven) {
                    // A function that heeds the interrupt (a sleep) ends with its InterruptedException first.
                    long stopping = applyNumber;
                    timers.schedule(() -> stopIfStillRunning(stopping), STOP_GRACE_MILLIS, TimeUnit.MILLISECONDS);
                }
            }
        }
    }

    @SuppressWarnings({"deprecation", "removal"})
    private void stopIfStillRunning(long stopping) {
        synchronized (applyingLock) {
            if (applying && applyNumber == stopping) {
                executor.stop(); // caught by the apply handler, even if it lands as the function returns
            }
        }
    }

    /** A held result, for a client or another engine (the controller relays it): its frames as they are. */
    private void sendHeld(Message request) {
        String msgId = request.content().has("msg_id") ? request.content().get("msg_id").getAsString() : "";
        List<byte[]> frames = held.frames(msgId).orElse(null);
        if (frames == null) {
            outbound.reply(request, ErrorContent.of("EngineError", "engine " + outbound.engineId()
                    + " no longer holds the result of task " + msgId + ": it was released", List.of()),
                    List.of(), Header.now());
        } else {
            outbound.reply(request, Reply.ok().content(), frames, Header.now());
        }
    }

    private static Set<String> msgIds(Message request) {
        Set<String> ids = new HashSet<>();
        if (request.content().get("msg_ids") instanceof JsonArray array) {
            array.forEach(id -> ids.add(id.getAsString()));
        }
        return ids;
    }

    /**
     * Requests not taken yet are answered "aborted" when the execution thread comes to them, as ipyparallel's; with
     * {@code interrupt: true} (a client's {@code cancel(true)}, an interrupted notebook cell that waited for them),
     * the one running stops too if it is among them.
     */
    private void abort(Message request) {
        Set<String> msgIds = msgIds(request);
        abortedAhead.addAll(msgIds);
        if (request.content().has("interrupt") && request.content().get("interrupt").getAsBoolean()) {
            synchronized (runningLock) {
                if (running != null && msgIds.contains(running)) {
                    stopRunning();
                }
            }
        }
        outbound.reply(request, Reply.ok().content(), List.of(), Header.now());
    }

    private void replyAborted(Message request) {
        JsonObject aborted = new JsonObject();
        aborted.addProperty("status", "aborted");
        waitingBehind.remove(request.header().msgId());
        ranHere.answered(request.header().msgId(), false);
        outbound.reply(request, aborted, List.of(), Header.now());
    }

    private void serve() {
        try (PullLink tasks = connectTaskLink()) {
            if (tasks == null || !awaitRegistration()) {
                return;
            }
            for (Message request = next(tasks); request != null; request = next(tasks)) {
                if (abortedAhead.remove(request.header().msgId())) {
                    replyAborted(request);
                } else if (request.msgType().equals(RunAfter.MSG_TYPE)) {
                    waitBehind(request);
                } else {
                    runGuarded(request);
                }
            }
        } catch (IOException e) {
            stop("the task link to the controller broke: " + e.getMessage());
        } catch (RuntimeException | Error e) {
            // A request that could not even be read (a frame bigger than the heap): the link is mid-message and
            // the request unknown. Stopping is what lets the controller fail the engine's tasks with EngineError;
            // an execution thread that just ended would leave the engine registered, answering nothing.
            LOG.log(Level.SEVERE, "the engine cannot read its requests", e);
            stop("it could not read a request: " + e);
        }
    }

    /** Waits for the controller's reply to the registration; false if the engine stops first. */
    private boolean awaitRegistration() {
        try {
            while (!registered.await(TASK_LINK_RETRY_MILLIS, TimeUnit.MILLISECONDS)) {
                if (stopped.getCount() == 0) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** Connects the task link, trying again until it connects or the engine stops (then null). */
    private PullLink connectTaskLink() {
        List<byte[]> hello = codec.encode(Message.create(TaskLinkHello.MSG_TYPE, outbound.session(),
                new TaskLinkHello(taskLinkToken).content()));
        while (stopped.getCount() > 0) {
            try {
                taskLink = PullLink.connect(connection.addresses(), hello);
                return taskLink;
            } catch (IOException e) {
                LOG.fine("cannot open the task link yet: " + e.getMessage());
                try {
                    Thread.sleep(TASK_LINK_RETRY_MILLIS);
                } catch (InterruptedException stop) {
                    return null;
                }
            }
        }
        return null;
    }

    /**
     * The next request, or null once the engine stops. Once none has come for a moment, the session opens
     * meanwhile (see {@link SessionSlot}).
     */
    private Message next(PullLink tasks) throws IOException {
        long wait = IDLE_BEFORE_SESSION.toMillis();
        while (stopped.getCount() > 0) {
            List<byte[]> frames = tasks.next(wait);
            if (frames == null) {
                if (stopped.getCount() > 0) {
                    session.open();
                }
                wait = 0;
                continue;
            }
            try {
                Message request = codec.decode(frames);
                lastHeardNanos = System.nanoTime();
                return request;
            } catch (MalformedMessageException e) {
                LOG.warning("dropped a message from the controller: " + e.getMessage());
                // Signed by a holder of the key: its sender waits for the reply, and the controller counts it
                // in flight here until one comes.
                e.answerable().ifPresent(request -> outbound.reply(request, ErrorContent.of("MalformedMessage",
                        "the engine could not read this request: " + e.getMessage(), List.of()),
                        List.of(), Header.now()));
            }
        }
        return null;
    }

    private void run(Message request) {
        List<String> after = waitingBehind.remove(request.header().msgId());
        if (after != null && !ranHere.allSucceeded(after)) {
            // Not this task's answer: the controller places it again, where it fails in cascade or waits.
            outbound.reply(request, ErrorContent.of(RunAfter.NOT_RUN_HERE, "a task it waited for here did not"
                    + " succeed: " + after, List.of()), List.of(), Header.now());
            return;
        }
        bulk.settlePulls();
        settleStoppedCode();
        String started = Header.now();
        current.set(request);
        session.takeStopWhenOpen(); // an interrupt between requests was for none of them
        synchronized (runningLock) {
            running = request.header().msgId();
        }
        Reply reply;
        try {
            Function<Message, Reply> handler = handlers.get(request.msgType());
            reply = handler == null
                    ? Reply.error(ErrorContent.of("UnknownRequest", "an engine does not serve "
                            + request.msgType(), List.of()))
                    : handler.apply(request);
        } catch (RuntimeException | Error e) {
            LOG.log(Level.WARNING, request.msgType() + " failed", e);
            reply = Reply.error(ErrorContent.of(e));
        } finally {
            synchronized (runningLock) {
                running = null;
            }
        }
        Error lostOutput = drainOrDropOutput();
        if (lostOutput != null && "ok".equals(Outbound.status(reply.content()))) {
            reply = Reply.error(ErrorContent.of(lostOutput.getClass().getName(), "what the request printed did not"
                    + " fit in the engine's heap and was dropped (" + lostOutput.getMessage() + "): print less, or"
                    + " give engines more heap (--engine-jvm-options -Xmx...)", List.of()));
        }
        ranHere.answered(request.header().msgId(), "ok".equals(Outbound.status(reply.content())));
        try {
            outbound.reply(request, reply.content(), reply.buffers(), started);
        } catch (RuntimeException | Error e) {
            // The reply itself did not fit (a big value, little heap): its failure is small enough to send.
            LOG.log(Level.WARNING, "the reply to " + request.msgType() + " could not be sent", e);
            outbound.reply(request, ErrorContent.of(e.getClass().getName(), "the engine could not send the reply: "
                    + e.getMessage(), List.of()), List.of(), started);
        }
    }

    /**
     * Runs a request so that nothing it throws ends the execution thread: an engine whose thread died would stay
     * registered and answer heartbeats while every request sent to it waited for good. When not even an error reply
     * can be sent, the engine stops, and the controller fails its tasks with EngineError.
     */
    private void runGuarded(Message request) {
        try {
            run(request);
        } catch (RuntimeException | Error e) {
            LOG.log(Level.SEVERE, "the engine could not answer " + request.msgType(), e);
            try {
                drainOrDropOutput();
                outbound.reply(request, ErrorContent.of(e.getClass().getName(), "the engine could not answer: "
                        + e.getMessage(), List.of()), List.of(), Header.now());
            } catch (RuntimeException | Error again) {
                stop("it cannot answer requests: " + again);
            }
        }
    }

    /** {@link #drainOutput()}; what cannot be drained (more text than the heap can copy) is dropped and returned. */
    private Error drainOrDropOutput() {
        try {
            drainOutput();
            return null;
        } catch (Error e) {
            int dropped = stdout.discard() + stderr.discard();
            LOG.log(Level.WARNING, "dropped " + dropped + " bytes of output that could not be sent", e);
            return e;
        }
    }

    private void display(DisplayEvent event) {
        drainOutput(); // text printed before the display shows above it
        outbound.output(current.get(), event.messageType(), event.content());
    }

    /** Sends printed text once the link has room for it: output goes no faster than the controller reads it. */
    private void sendOutput(String name, String text) {
        link.awaitBacklogAtMost(OUTPUT_BACKLOG_BYTES);
        outbound.stream(current.get(), name, text);
    }

    private void drainOutput() {
        System.out.flush();
        System.err.flush();
        stdout.drain();
        stderr.drain();
    }

    private void stop(String reason) {
        if (stopped.getCount() > 0) {
            LOG.info("engine stopping: " + reason);
            stopped.countDown();
        }
    }

    /** Blocks until the controller asks the engine to shut down, ends, or falls silent. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        stop("closed");
        session.stop();
        PullLink tasks = taskLink;
        if (tasks != null) {
            tasks.wake(); // the execution thread sees the engine stopped, and closes it
        }
        timers.shutdownNow();
        outputDrain.shutdownNow();
        drainOrDropOutput();
        link.close(Duration.ofMillis(500)); // the last replies leave first
        bulk.close();
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}

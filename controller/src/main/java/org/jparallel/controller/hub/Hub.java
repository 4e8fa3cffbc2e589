package org.jparallel.controller.hub;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.jparallel.controller.records.MemoryTaskStore;
import org.jparallel.controller.records.RecordOptions;
import org.jparallel.controller.records.TaskRecord;
import org.jparallel.controller.records.TaskStore;
import org.jparallel.controller.scheduler.EngineLoad;
import org.jparallel.controller.scheduler.Placement;
import org.jparallel.controller.scheduler.QueuedTask;
import org.jparallel.controller.scheduler.TaskScheduler;
import org.jparallel.wire.Header;
import org.jparallel.wire.HmacSigner;
import org.jparallel.wire.JsonFields;
import org.jparallel.wire.MalformedMessageException;
import org.jparallel.wire.Message;
import org.jparallel.wire.MessageCodec;
import org.jparallel.wire.ReplayGuard;
import org.jparallel.wire.RunAfter;
import org.jparallel.wire.TaskLinkHello;

/**
 * The controller's routing: the registry of engines, the records of tasks, load-balanced
 * scheduling, and the requests clients address to the controller itself.
 *
 * <p>Both socket threads call in; one lock guards it all, since every call is short. Requests and
 * answers are forwarded as the frames that came, with only routing identities changed: the hub
 * reads the header, and the metadata or parent header where routing needs them, never content or
 * buffers.
 */
public final class Hub {
    private static final Logger LOG = Logger.getLogger(Hub.class.getName());
    static final long ENGINE_SILENCE_MILLIS = 10_000;
    /** How long after an interrupt a task still running counts as one that the interrupt did not stop. */
    static final long STILL_INTERRUPTED_SECONDS = 2;
    private static final int TASK_RECORDS = 100_000;
    /** How often a task is sent again because its engine could not fetch an input from an engine said to hold it. */
    private static final int MAX_INPUT_FETCH_FAILURES = 3;

    private final MessageCodec codec;
    private final TaskScheduler scheduler;
    private final Links links;
    private final ClusterControl control;
    private final String profile;
    private final String session = UUID.randomUUID().toString();
    private final ClientReplies replies;
    private final TaskLog log;
    private final OutputBacklog outputBacklog;
    private final Holdings holdings;
    private final ReplayGuard clientReplays = new ReplayGuard(65_536);
    private final ReplayGuard engineReplays = new ReplayGuard(65_536);
    private final Map<Integer, EngineEntry> engines = new TreeMap<>();
    private final Map<String, EngineEntry> enginesByIdentity = new HashMap<>();
    private final Map<String, byte[]> clients = new LinkedHashMap<>();
    private final JoiningEngines joining = new JoiningEngines(System::nanoTime,
            TimeUnit.MILLISECONDS.toNanos(3 * ENGINE_SILENCE_MILLIS));
    private final WaitingTasks waiting = new WaitingTasks();
    private final TaskDeadlines deadlines = new TaskDeadlines();
    private final Map<String, Task> tasks = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Task> eldest) {
            return size() > TASK_RECORDS && eldest.getValue().finished();
        }
    };
    /** The frames of load-balanced tasks sent to an engine, kept until their final answer for a resend. */
    private final Map<String, SentRequest> sent = new HashMap<>();
    private int nextEngineId;
    /**
     * Pids and launch numbers ({@code id_hint}) of every engine that ever registered, to tell a launch that failed
     * from an engine that ended: the process a launcher watches is the engine itself here, but ssh's over ssh.
     */
    private final Set<Long> registeredPids = new HashSet<>();
    private final Set<Integer> registeredLaunches = new HashSet<>();
    private int lostLaunches;

    public Hub(MessageCodec codec, TaskScheduler scheduler, Links links, ClusterControl control, String profile) {
        this(codec, scheduler, links, control, profile, new MemoryTaskStore(TASK_RECORDS, RecordOptions.defaultMaxBytes()));
    }

    /** @param store where the records of finished tasks go, for {@code result_request}s */
    public Hub(MessageCodec codec, TaskScheduler scheduler, Links links, ClusterControl control, String profile,
               TaskStore store) {
        this.log = new TaskLog(store);
        this.holdings = new Holdings(this, codec, session);
        this.codec = codec;
        this.scheduler = scheduler;
        this.links = links;
        this.control = control;
        this.profile = profile;
        this.replies = new ClientReplies(codec, links, session);
        this.outputBacklog = new OutputBacklog(links);
        scheduler.rememberFrom(msgId -> store.get(msgId).map(TaskResults::pastOutcome));
    }

    /** A message from a client: {@code [client identity, <IDS|MSG>, …]}. */
    public synchronized void fromClient(List<byte[]> frames) {
        RoutingHeader route;
        try {
            route = RoutingHeader.read(frames, 1, codec.signer(), clientReplays);
        } catch (MalformedMessageException e) {
            LOG.warning("dropped a message from a client: " + e.getMessage());
            return;
        }
        byte[] client = frames.get(0);
        if (clients.putIfAbsent(key(client), client) == null) {
            links.vouchForClient(client);
        }
        try {
            switch (route.msgType()) {
                case "connection_request", "queue_request", "result_request", "shutdown_request",
                        "engines_request", "restart_request", "history_request", "purge_request", "db_request" ->
                        new ControllerRequests(this).answer(client, route, frames);
                case "value_request" -> {
                    holdings.fetch(client, false, route, frames);
                    dispatchWaiting(); // a lost value it asks for may be made again
                }
                case "release_request" -> holdings.released(TaskResults.ids(RoutingHeader.object(route.contentFrame())));
                case "resubmit_request" -> resubmit(client, route);
                default -> route(client, route, frames);
            }
        } catch (MalformedMessageException | RuntimeException e) {
            replies.error(client, route, "BadRequest", "the controller cannot route this "
                    + route.msgType() + ": " + BadRequests.brief(String.valueOf(e.getMessage())), -1);
        }
    }

    private void resubmit(byte[] client, RoutingHeader route) throws MalformedMessageException {
        JsonObject reply;
        try {
            reply = new Resubmissions(this).resubmit(client, route);
        } catch (Resubmissions.Refused refused) {
            JsonObject metadata = new JsonObject();
            metadata.addProperty("status", "error");
            replies.reply(client, RoutingHeader.object(route.headerFrame()), "resubmit_reply", refused.content(),
                    metadata);
            return;
        }
        replies.reply(client, RoutingHeader.object(route.headerFrame()), "resubmit_reply", reply, new JsonObject());
    }

    /** Routes a request the controller made for {@code client}, from the delimiter on, as if the client had sent it. */
    void submitAgain(byte[] client, List<byte[]> message) throws MalformedMessageException {
        List<byte[]> frames = new ArrayList<>(message.size() + 1);
        frames.add(client);
        frames.addAll(message);
        route(client, RoutingHeader.read(frames, 1, codec.signer(), clientReplays), frames);
    }

    private void route(byte[] client, RoutingHeader route, List<byte[]> frames) throws MalformedMessageException {
        String type = route.msgType();
        JsonObject metadata = route.metadata();
        JsonElement targets = metadata.get("targets");
        boolean outOfBand = type.equals("interrupt_request") || type.equals("abort_request");
        if (type.equals("abort_request")) {
            abortWaiting(route, frames);
            dispatchWaiting(); // the tasks that depend on the aborted ones fail now
        }
        if (targets == null || targets.isJsonNull() || (targets.isJsonArray() && targets.getAsJsonArray().isEmpty())) {
            if (type.equals("apply_request")) {
                Task task = record(client, route);
                task.waitingFrames = frames;
                task.waitingMetadata = metadata;
                waiting.add(task);
                scheduler.queued(new QueuedTask(task.msgId, metadata));
                deadlines.add(task, metadata);
                dispatchWaiting();
            } else if (outOfBand) {
                noteInterrupt(route, engines.values());
                broadcastToEngines(type, route, frames);
                replies.ok(client, route);
            } else {
                replies.error(client, route, "NoTargets", type + " needs metadata.targets: [engine id]", -1);
            }
            return;
        }
        int id = singleTarget(targets);
        EngineEntry engine = engines.get(id);
        if (engine == null) {
            replies.error(client, route, "NoSuchEngine", "there is no engine " + id + "; engines: "
                    + engines.keySet(), id);
            return;
        }
        if (outOfBand) {
            noteInterrupt(route, List.of(engine));
            send(engine.identity, frames);
            return;
        }
        stillInterrupted(client, route, engine);
        Task task = record(client, route);
        task.engineId = id;
        engine.outstanding.add(task.msgId);
        scheduler.sentTo(task.msgId, id);
        send(engine.taskIdentity, frames);
    }

    /**
     * Notes on these engines an out-of-band request that stops what they run: an interrupt (whatever runs), or an
     * abort that interrupts (the tasks it names).
     */
    private static void noteInterrupt(RoutingHeader route, Collection<EngineEntry> targets)
            throws MalformedMessageException {
        Set<String> only = null;
        if (!route.msgType().equals("interrupt_request")) {
            JsonObject content = RoutingHeader.object(route.contentFrame());
            if (!JsonFields.bool(content, "interrupt", false)) {
                return;
            }
            only = Set.copyOf(TaskResults.ids(content));
        }
        long now = System.nanoTime();
        for (EngineEntry engine : targets) {
            engine.interrupted(now, only);
        }
    }

    /**
     * Tells the client of a request for an engine still running a task that was interrupted a while ago that the
     * request waits behind it: code blocked where no interrupt reaches (a socket's accept) ends only with its engine,
     * and the request would otherwise wait with no word why.
     */
    private void stillInterrupted(byte[] client, RoutingHeader route, EngineEntry engine) {
        if (engine.interruptedTask == null || !engine.outstanding.contains(engine.interruptedTask)) {
            engine.interruptedTask = null;
            return;
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - engine.interruptedAtNanos);
        if (seconds >= STILL_INTERRUPTED_SECONDS) {
            replies.note(client, route, engine.id, "[jparallel: engine " + engine.id + " still runs a request that"
                    + " was interrupted " + seconds + " s ago, and this one waits behind it: code blocked where an"
                    + " interrupt does not reach (a socket's accept(), a native call, from Java 20 on a loop in a jar's"
                    + " code) ends only with its engine"
                    + " (%cluster restart, or jpcluster restart)]\n");
        }
    }

    /**
     * The one engine id of {@code metadata.targets}: a whole number within an int, checked as such (Gson's
     * {@code getAsInt} would take 4294967296 for 0 and 0.9 for 0, and run the task on an engine nobody named).
     */
    private static int singleTarget(JsonElement targets) {
        JsonElement target = targets;
        if (targets.isJsonArray()) {
            if (targets.getAsJsonArray().size() != 1) {
                throw new IllegalArgumentException("metadata.targets holds one engine id per message, not "
                        + targets.getAsJsonArray().size());
            }
            target = targets.getAsJsonArray().get(0);
        }
        if (target.isJsonPrimitive() && target.getAsJsonPrimitive().isNumber()) {
            try {
                return target.getAsBigDecimal().intValueExact();
            } catch (ArithmeticException | NumberFormatException e) {
                // not a whole number within an int: said below
            }
        }
        throw new IllegalArgumentException("metadata.targets holds an engine id, a whole number, not "
                + BadRequests.brief(target.toString()));
    }

    private Task record(byte[] client, RoutingHeader route) throws MalformedMessageException {
        Task task = new Task(route.msgId(), route.msgType(), client, Header.now(), route.headerFrame());
        tasks.put(task.msgId, task);
        scheduler.recorded(task.msgId);
        log.submitted(task, route.metadata(), TaskLog.keep(route));
        holdings.submitted(task, route.metadata());
        return task;
    }

    /** @param link an engine's identity, or its task link's */
    private void send(byte[] link, List<byte[]> frames) {
        List<byte[]> routed = new ArrayList<>(frames.size() + 1);
        routed.add(link);
        routed.addAll(frames);
        links.toEngine(routed);
    }

    /**
     * Sends queued load-balanced tasks to the engines the scheduler picks, in order, and answers those it
     * fails; again while failures may end tasks that depend on them, or tasks sent may take others behind them.
     */
    private void dispatchWaiting() {
        boolean again = true;
        while (again && waiting.anyToOffer()) {
            boolean failed = false;
            boolean plainWaits = false;
            List<EngineLoad> loads = loads();
            boolean full = !anyRoom(loads);
            waiting.startWalk();
            // While no engine has room, a task that already waited for one is not offered again (anyRoom).
            for (Task task = waiting.next(null, full); task != null; task = waiting.next(task, full)) {
                if (plainWaits && scheduler.plain(task.msgId)) {
                    if (!scheduler.anyDependent()) {
                        break;
                    }
                    continue;
                }
                Placement placement = place(task, loads);
                EngineEntry target = engines.get(placement instanceof Placement.Send to ? to.engineId()
                        : placement instanceof Placement.Behind behind ? behind.engineId() : -1);
                if (target != null) {
                    waiting.take(task);
                    if (placement instanceof Placement.Behind behind) {
                        // On the task link, so the engine has it before the task it is about
                        signedTo(target.taskIdentity, Message.create(RunAfter.MSG_TYPE, session,
                                new RunAfter(task.msgId, behind.after()).content()));
                    }
                    dispatch(task, target);
                    loads = loads();
                    full = !anyRoom(loads);
                } else if (placement instanceof Placement.Fail fail) {
                    waiting.take(task);
                    failWaiting(task, fail.ename(), fail.evalue());
                    failed = true;
                } else if (placement instanceof Placement.Blocked blocked) {
                    waiting.take(task);
                    waiting.setAside(task, blocked.on());
                } else {
                    waiting.waitsForEngine(task);
                    plainWaits |= scheduler.plain(task.msgId);
                }
            }
            again = failed || waiting.anyReleased();
        }
    }

    /**
     * Whether an engine has room under the high-water mark. When none has, a task that already waited for an
     * engine is not offered again: its dependencies were met (they stay met), so nothing but a free engine
     * changes its answer. Tasks that arrive, come back or are released are offered, and may fail or wait
     * aside; when engines go, every task is offered again (a follow may now be impossible).
     */
    private boolean anyRoom(List<EngineLoad> loads) {
        int highWaterMark = scheduler.highWaterMark();
        for (EngineLoad load : loads) {
            if (highWaterMark == 0 || load.outstanding() < highWaterMark) {
                return true;
            }
        }
        return false;
    }

    /** The scheduler's placement, on the engine holding the task's largest input when it would take it now. */
    private Placement place(Task task, List<EngineLoad> loads) {
        String lostInput = holdings.lostInput(task.msgId);
        if (lostInput != null) {
            return new Placement.Fail("EngineError", lostInput);
        }
        QueuedTask queued = new QueuedTask(task.msgId, task.waitingMetadata);
        List<EngineLoad> holder = holdings.holderOf(task.msgId, loads);
        if (!holder.isEmpty()) {
            Placement there = scheduler.place(queued, holder);
            if (!(there instanceof Placement.Wait) && !(there instanceof Placement.Fail)) {
                return there; // a task waiting for its dependencies waits whichever engines it is offered
            }
        }
        return scheduler.place(queued, loads);
    }

    private void dispatch(Task task, EngineEntry engine) {
        task.engineId = engine.id;
        engine.outstanding.add(task.msgId);
        sent.put(task.msgId, new SentRequest(task.waitingFrames, task.waitingMetadata));
        send(engine.taskIdentity, task.waitingFrames);
        task.waitingFrames = null;
        task.waitingMetadata = null;
        scheduler.sentTo(task.msgId, engine.id);
        waiting.ended(task.msgId); // those set aside for it may now wait behind it on its engine
    }

    /** A queued task the scheduler says can never run: its reply is the controller's. */
    private void failWaiting(Task task, String ename, String evalue) {
        if (task.remade) {
            holdings.remakeFailed(task.msgId, ename + ": " + evalue);
        }
        finish(task, "error");
        JsonObject content = ClientReplies.errorContent(ename, evalue);
        replies.taskEnded(task, content);
        log.ended(task, content);
        ended(task.msgId, -1, ename + ": " + evalue);
    }

    /** A task has its final answer: the scheduler learns how it ended, and the tasks waiting for it go on. */
    private void ended(String msgId, int engineId, String error) {
        scheduler.finished(msgId, engineId, error);
        waiting.ended(msgId);
    }

    /** A failed load-balanced task the scheduler runs again (retries, unmet requirements) goes back in the queue. */
    private boolean requeued(EngineEntry engine, RoutingHeader route) throws MalformedMessageException {
        if (!"error".equals(JsonFields.string(route.metadata(), "status", "ok"))) {
            return false;
        }
        String parentId = route.parentMsgId();
        Task task = parentId == null ? null : tasks.get(parentId);
        if (task == null || task.finished() || !sent.containsKey(task.msgId)) {
            return false;
        }
        JsonObject content = RoutingHeader.object(route.contentFrame());
        String ename = JsonFields.string(content, "ename", "");
        if (ename.equals(RunAfter.NOT_RUN_HERE)) {
            engine.outstanding.remove(task.msgId);
            requeue(task); // a task it waited for there failed: placed again, it fails in cascade or waits for a retry
            return true;
        }
        boolean inputRemade = ename.endsWith("EngineError") && holdings.awaitsRemake(task.msgId);
        // An engine that could not fetch an input from its holder may report it before the controller has seen the
        // holder die: placed again, the task then waits for the value made anew, or fails saying which engine died.
        boolean holderMayBeGone = ename.endsWith("EngineError")
                && (holdings.holdsInputOf(task.msgId) || holdings.lostInput(task.msgId) != null)
                && task.inputFetchesFailed++ < MAX_INPUT_FETCH_FAILURES;
        if (!inputRemade && !holderMayBeGone
                && !scheduler.retry(task.msgId, engine.id, ename, JsonFields.string(content, "evalue", ""))) {
            return false;
        }
        engine.outstanding.remove(task.msgId);
        requeue(task);
        return true;
    }

    /**
     * Runs a finished load-balanced task again because the engine that held its result died while a task still
     * needs it, when the scheduler agrees (it counts a retry). The task is pending again: tasks that depend on it
     * wait for the new result; its client, which had its answer, hears nothing more.
     */
    boolean runAgain(String msgId, SentRequest request, int lostEngineId) {
        Task task = tasks.get(msgId);
        if (task == null || !task.finished()
                || !scheduler.rerun(new QueuedTask(msgId, request.metadata()), lostEngineId)) {
            return false;
        }
        LOG.info("running task " + msgId + " again: engine " + lostEngineId + " held its result, which a task needs");
        task.remade = true;
        task.status = "pending";
        task.completed = null;
        task.engineId = -1;
        task.waitingFrames = request.again(++task.resends, codec.signer());
        task.waitingMetadata = request.metadata();
        log.submitted(task, request.metadata(), log.finished(msgId).map(TaskRecord::request).orElse(null));
        holdings.submitted(task, request.metadata()); // its own inputs are needed again
        waiting.addFirst(task);
        return true;
    }

    private void requeue(Task task) {
        SentRequest frames = sent.remove(task.msgId);
        scheduler.sentTo(task.msgId, -1);
        task.engineId = -1;
        task.waitingFrames = frames.again(++task.resends, codec.signer());
        task.waitingMetadata = frames.metadata();
        waiting.addFirst(task);
    }

    /**
     * The engines tasks may go to: not those asked to shut down (a restart's), where a task, or a lost value made
     * again, would fail or be lost with them; the restart's new engines take it.
     */
    List<EngineLoad> loads() {
        List<EngineLoad> loads = new ArrayList<>(engines.size());
        for (EngineEntry engine : engines.values()) {
            if (!engine.stopAsked) {
                loads.add(new EngineLoad(engine.id, engine.outstanding.size(), engine.completed));
            }
        }
        return loads;
    }

    private void abortWaiting(RoutingHeader route, List<byte[]> frames) throws MalformedMessageException {
        JsonObject content = RoutingHeader.object(frames.get(route.delimiter() + 5));
        if (!(content.get("msg_ids") instanceof JsonArray ids)) {
            return;
        }
        for (JsonElement id : ids) {
            Task task = tasks.get(id.getAsString());
            if (task != null && task.waitingFrames != null && waiting.remove(task)) {
                finish(task, "aborted");
                log.ended(task, replies.aborted(task));
                ended(task.msgId, -1, "TaskAborted: aborted before it ran");
            }
        }
    }

    /** An out-of-band request for every engine: each gets the controller's own copy, whose reply it drops. */
    private void broadcastToEngines(String type, RoutingHeader route, List<byte[]> frames)
            throws MalformedMessageException {
        JsonObject content = RoutingHeader.object(frames.get(route.delimiter() + 5));
        for (EngineEntry engine : engines.values()) {
            toEngine(engine, Message.create(type, session, content));
        }
    }

    /** A message from an engine: {@code [engine identity, client identity?, <IDS|MSG>, …]}. */
    public synchronized void fromEngine(List<byte[]> frames) {
        EngineEntry engine = enginesByIdentity.get(key(frames.get(0)));
        if (engine != null) {
            engine.lastHeardNanos = System.nanoTime();
        }
        if (frames.size() > 1 && Arrays.equals(frames.get(1), MessageCodec.DELIMITER)) {
            fromEngineToController(frames, engine);
            return;
        }
        if (Holdings.isRelay(frames)) {
            if (engine != null) {
                holdings.relay(frames);
            }
            return;
        }
        if (engine == null) {
            return; // an engine the controller gave up on: its tasks were answered already
        }
        RoutingHeader route;
        try {
            route = RoutingHeader.read(frames, 1, codec.signer(), engineReplays);
            if (route.msgType().endsWith("_reply") && requeued(engine, route)) {
                dispatchWaiting();
                return; // the client hears only the task's final answer
            }
            if (route.msgType().endsWith("_reply")) {
                completed(engine, route);
            } else if (route.msgType().equals("stream")) {
                log.output(route);
            }
        } catch (MalformedMessageException e) {
            LOG.warning("dropped a message from engine " + engine.id + ": " + e.getMessage());
            return;
        }
        if (route.msgType().equals("stream") && !outputGoes(frames, route, engine)) {
            return;
        }
        if (route.msgType().endsWith("_reply")) {
            noteDroppedOutput(frames.get(1), route, engine); // before the reply, in the cell that lost it
        }
        links.toClient(frames.subList(1, frames.size()));
        if (waiting.anyToOffer()) {
            dispatchWaiting();
        }
    }

    /**
     * Whether an engine's output goes to its client now; see {@link OutputBacklog}. What was dropped is counted per
     * request, and told as that request's output: with its next output that goes, or before its reply.
     */
    private boolean outputGoes(List<byte[]> frames, RoutingHeader route, EngineEntry engine) {
        byte[] client = frames.get(1);
        long bytes = 0;
        for (byte[] frame : frames) {
            bytes += frame.length;
        }
        if (!outputBacklog.admits(client, droppedKey(client, route), bytes)) {
            return false;
        }
        noteDroppedOutput(client, route, engine);
        return true;
    }

    private void noteDroppedOutput(byte[] client, RoutingHeader route, EngineEntry engine) {
        long dropped = outputBacklog.takeDropped(droppedKey(client, route));
        if (dropped > 0) {
            replies.outputDropped(client, route, engine.id, dropped);
        }
    }

    private static String droppedKey(byte[] client, RoutingHeader route) {
        try {
            return key(client) + "/" + route.parentMsgId();
        } catch (MalformedMessageException e) {
            return key(client); // read once already: not expected here
        }
    }

    private void completed(EngineEntry engine, RoutingHeader route) throws MalformedMessageException {
        String parentId = route.parentMsgId();
        Task task = parentId == null ? null : tasks.get(parentId);
        if (task == null || task.finished()) {
            return; // an interrupt or abort reply: no task of its own
        }
        JsonObject metadata = route.metadata();
        task.started = JsonFields.string(metadata, "started", null);
        SentRequest request = sent.remove(task.msgId);
        holdings.produced(task, engine.id, route, request != null && request.retries() ? request : null);
        finish(task, JsonFields.string(metadata, "status", "ok"));
        ended(task.msgId, engine.id, errorOf(task.status, route));
        log.replied(task, route);
        if (engine.outstanding.remove(task.msgId)) {
            engine.completed++;
        }
        engine.answered(task.msgId);
    }

    /** {@code ename: evalue} of a failed reply, for tasks that depend on it; null for a success. */
    private static String errorOf(String status, RoutingHeader route) throws MalformedMessageException {
        if (status.equals("ok")) {
            return null;
        }
        if (status.equals("aborted")) {
            return "TaskAborted: aborted before it ran";
        }
        JsonObject content = RoutingHeader.object(route.contentFrame());
        return JsonFields.string(content, "ename", "UnknownError") + ": " + JsonFields.string(content, "evalue", "");
    }

    private void finish(Task task, String status) {
        task.status = status;
        task.completed = Header.now();
        task.requestHeader = status.equals("ok") ? null : task.requestHeader;
        holdings.ended(task);
    }

    private void fromEngineToController(List<byte[]> frames, EngineEntry engine) {
        Message message;
        try {
            message = codec.decode(frames);
        } catch (MalformedMessageException e) {
            LOG.warning("dropped a message from an engine: " + e.getMessage());
            return;
        }
        if (message.msgType().equals("registration_request")) {
            links.vouchForEngine(frames.get(0));
            registrationCame(frames.get(0), message);
        } else if (message.msgType().equals(TaskLinkHello.MSG_TYPE)) {
            links.vouchForEngine(frames.get(0));
            taskLinkCame(frames.get(0), message);
        } else if (message.msgType().equals("value_request") && engine != null) {
            try {
                holdings.fetch(engine.identity, true, RoutingHeader.read(frames, 1, codec.signer(), engineReplays), frames);
            } catch (MalformedMessageException e) {
                LOG.warning("dropped a value_request from engine " + engine.id + ": " + e.getMessage());
            }
        }
        // heartbeats only refresh lastHeardNanos; replies to the controller's own requests need nothing
    }

    private void registrationCame(byte[] identity, Message request) {
        if (enginesByIdentity.containsKey(key(identity))) {
            return;
        }
        String token = JsonFields.string(request.content(), TaskLinkHello.REGISTRATION_FIELD, "");
        if (token.isEmpty()) {
            JsonObject refused = new JsonObject();
            refused.addProperty("status", "error");
            refused.addProperty("evalue", "an engine opens a task link and names it in its registration: this"
                    + " engine is of another jparallel version than the controller");
            signedTo(identity, request.reply("registration_reply", session, refused));
            return;
        }
        joining.registration(token, request.withIdentities(List.of(identity)))
                .ifPresent(joined -> register(identity, joined.taskIdentity(), request));
    }

    private void taskLinkCame(byte[] taskIdentity, Message hello) {
        String token;
        try {
            token = TaskLinkHello.of(hello.content()).token();
        } catch (IllegalArgumentException e) {
            LOG.warning("dropped a task link's hello: " + e.getMessage());
            return;
        }
        joining.taskLink(token, taskIdentity).ifPresent(joined ->
                register(joined.registration().identities().get(0), taskIdentity, joined.registration()));
    }

    private void register(byte[] identity, byte[] taskIdentity, Message request) {
        JsonObject content = request.content();
        EngineEntry engine = new EngineEntry(nextEngineId++, content.has("pid") ? content.get("pid").getAsLong() : -1,
                JsonFields.string(content, "host", "?"), identity, taskIdentity);
        engines.put(engine.id, engine);
        enginesByIdentity.put(key(identity), engine);
        JsonObject reply = new JsonObject();
        reply.addProperty("status", "ok");
        reply.addProperty("id", engine.id);
        toEngine(engine, request.reply("registration_reply", session, reply));
        registeredPids.add(engine.pid);
        registeredLaunches.add(JsonFields.integer(content, "id_hint", -1));
        LOG.info("engine " + engine.id + " registered (pid " + engine.pid + ", launched as engine "
                + JsonFields.string(content, "id_hint", "?") + ")");
        replies.notice(clients.values(), "engine_registered", engine.id);
        dispatchWaiting();
    }

    /**
     * The process of launch number {@code launch} ended: unregister its engine at once rather than wait for
     * heartbeats (ssh's process has another pid than the engine's: heartbeats tell). One that never registered is
     * a failed launch (a bad JVM option, a jar missing): counted, so that whoever waits
     * for engines learns they will not come.
     */
    public synchronized void engineProcessEnded(long pid, int launch, String log) {
        if (!registeredPids.contains(pid) && !registeredLaunches.contains(launch)) {
            lostLaunches++;
            LOG.warning("an engine process (pid " + pid + ") exited before it registered; see " + log);
            return;
        }
        for (EngineEntry engine : List.copyOf(engines.values())) {
            if (engine.pid == pid) {
                unregister(engine, "engine " + engine.id + (engine.stopAsked ? " was shut down" : " died")
                        + " (pid " + pid + ") while running this task");
            }
        }
    }

    /** Sends every engine a heartbeat and unregisters those silent for {@value #ENGINE_SILENCE_MILLIS} ms. */
    /**
     * A client's connection closed: a client that closes itself releases its results first, one that died (a
     * notebook's kernel killed) cannot, so the values engines keep for it are released here.
     */
    public synchronized void clientGone(byte[] client) {
        clients.remove(key(client)); // one per connection ever made otherwise, each told of every engine's coming
        holdings.clientGone(client);
    }

    public synchronized void heartbeat() {
        long now = System.nanoTime();
        for (EngineEntry engine : List.copyOf(engines.values())) {
            if (TimeUnit.NANOSECONDS.toMillis(now - engine.lastHeardNanos) > ENGINE_SILENCE_MILLIS) {
                // Silent but perhaps alive (stopped, or behind on its link): once it reads again it ends, instead
                // of holding its memory as an engine nobody sends work to.
                toEngine(engine, Message.create("shutdown_request", session, new JsonObject()));
                unregister(engine, "engine " + engine.id + " stopped answering heartbeats (pid " + engine.pid
                        + ") while running this task");
            } else {
                toEngine(engine, Message.create("heartbeat", session, new JsonObject()));
            }
        }
        int halves = joining.expire();
        if (halves > 0) {
            LOG.warning(halves + " engine(s) opened one of their two connections and not the other within "
                    + 3 * ENGINE_SILENCE_MILLIS / 1000 + " s: forgotten");
        }
        waiting.releaseAll();
        dispatchWaiting(); // tasks whose dependency timeout passed fail now
    }

    /**
     * Offers the waiting tasks whose timeout just passed to the scheduler, which fails them (DependencyTimeout,
     * TaskTimeout): called often (every 50 ms), it costs nothing while no timeout is due.
     */
    public synchronized void expireTimeouts() {
        List<Task> due = deadlines.due(System.nanoTime());
        if (due.isEmpty()) {
            return;
        }
        for (Task task : due) {
            if (!task.finished() && task.engineId < 0) {
                waiting.offerAgain(task);
            }
        }
        dispatchWaiting();
    }

    /** Asks every engine to shut down; their processes end on their own. */
    public synchronized void shutdownEngines() {
        shutdownEngines(List.copyOf(engines.keySet()));
    }

    /** Asks these engines to shut down; their processes end on their own, and they are unregistered then. */
    public synchronized void shutdownEngines(Collection<Integer> ids) {
        for (int id : ids) {
            EngineEntry engine = engines.get(id);
            if (engine != null) {
                engine.stopAsked = true;
                toEngine(engine, Message.create("shutdown_request", session, new JsonObject()));
            }
        }
    }

    public synchronized int engineCount() {
        return engines.size();
    }

    /** An engine process could not even be started (no such command, say): it counts as a launch lost. */
    public synchronized void engineLaunchFailed(String why) {
        lostLaunches++;
        LOG.warning("an engine could not be started: " + why);
    }

    /** How many launched engine processes exited before they registered. */
    public synchronized int lostLaunches() {
        return lostLaunches;
    }

    public synchronized List<Long> enginePids() {
        return engines.values().stream().map(e -> e.pid).toList();
    }

    private void unregister(EngineEntry engine, String reason) {
        engines.remove(engine.id);
        enginesByIdentity.remove(key(engine.identity));
        String ended = reason.replace(" while running this task", "");
        if (engine.stopAsked && engine.outstanding.isEmpty()) {
            LOG.info(ended);
        } else {
            LOG.warning(ended + "; " + engine.outstanding.size() + " task(s) failed");
        }
        // Asked before any answer below: a task that waited there behind others never started, so it goes
        // back to the queue as it came, and fails in cascade (or waits for a retry) like any dependent.
        List<String> neverStarted = engine.outstanding.stream().filter(scheduler::waitsBehind).toList();
        for (String msgId : engine.outstanding) {
            Task task = tasks.get(msgId);
            if (task != null && !task.finished() && neverStarted.contains(msgId) && sent.containsKey(msgId)) {
                requeue(task);
            } else if (task != null && !task.finished() && sent.containsKey(msgId)
                    && scheduler.retry(msgId, engine.id, "EngineError", reason)) {
                requeue(task);
            } else if (task != null && !task.finished()) {
                if (task.remade) {
                    holdings.remakeFailed(msgId, "EngineError: " + reason);
                }
                finish(task, "error");
                log.ended(task, replies.engineError(task, reason));
                sent.remove(msgId);
                ended(msgId, engine.id, "EngineError: " + reason);
            }
        }
        engine.outstanding.clear();
        holdings.engineLost(engine.id, reason);
        waiting.offerAgain();
        replies.notice(clients.values(), "engine_unregistered", engine.id);
        dispatchWaiting(); // retried tasks go elsewhere; those that follow this engine fail now
    }

    // ---- what ControllerRequests reads and writes, under the same lock ----

    Map<Integer, EngineEntry> engines() {
        return engines;
    }

    Map<String, Task> tasks() {
        return tasks;
    }

    int waitingCount() {
        return waiting.size();
    }

    Holdings holdings() {
        return holdings;
    }

    String profile() {
        return profile;
    }

    String scheme() {
        return codec.signer().scheme();
    }

    TaskScheduler scheduler() {
        return scheduler;
    }

    ClusterControl control() {
        return control;
    }

    ClientReplies replies() {
        return replies;
    }

    HmacSigner signer() {
        return codec.signer();
    }

    TaskLog log() {
        return log;
    }

    Links links() {
        return links;
    }

    void sendToEngine(EngineEntry engine, Message message) {
        toEngine(engine, message);
    }

    /** Closes the task store (a database file). */
    public synchronized void close() {
        log.store().close();
    }

    private void toEngine(EngineEntry engine, Message message) {
        signedTo(engine.identity, message);
    }

    /** @param link an engine's identity, or its task link's */
    private void signedTo(byte[] link, Message message) {
        links.toEngine(codec.encode(message.withIdentities(List.of(link))));
    }

    private static String key(byte[] identity) {
        return new String(identity, StandardCharsets.ISO_8859_1);
    }
}

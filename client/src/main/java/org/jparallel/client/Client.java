package org.jparallel.client;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jparallel.client.values.ValueDecoder;
import org.jparallel.client.values.ValueEncoder;
import org.jparallel.repl.DeclaredTypes;
import org.jparallel.wire.HmacSigner;
import org.jparallel.wire.Message;

/**
 * A connection to a running cluster: the engines it has, and views to run code on them.
 * Thread-safe; close it when done (it is {@link AutoCloseable}).
 *
 * <pre>{@code
 * Client rc = Client.connect();          // the cluster of profile 'default'
 * rc.ids();                              // [0, 1, 2, 3]
 * var v = rc.all();                      // every engine: ipyparallel's rc[:]
 * v.map(x -> x * x, range(10)).get();    // [0, 1, 4, 9, 16, 25, 36, 49, 64, 81]
 * var lv = rc.loadBalancedView();        // tasks go where the controller sends them
 * lv.applySync(() -> 6 * 7);             // 42
 * rc.close();
 * }</pre>
 */
public final class Client implements AutoCloseable {
    private final String profile;
    /** Where the cluster's processes log, on the controller's host: beside the connection file it was read from. */
    private final Path logDirectory;
    private final ClientOptions options;
    /** The connection file it was made from, which {@link DirectView#activate} hands to the notebook. */
    private final Path connectionFile;
    private final EngineRegistry registry = new EngineRegistry();
    private final ClientChannel channel;
    private final TaskSender sender;
    private final BulkChannel bulk;
    private final TaskRecords records;
    /**
     * Closes this client when its JVM exits without closing it (a notebook's kernel shut down or restarted, a
     * program that ends with System.exit), so that the engines let go of the values they keep for its results:
     * else they would keep them for the cluster's life.
     */
    private final Thread closeAtExit = new Thread(this::closeChannels, "jparallel-client-exit");
    private final AtomicBoolean closed = new AtomicBoolean();

    private Client(ClusterConnection connection, Path connectionFile, String profile, Path logDirectory,
                   ClientOptions options) {
        this.connectionFile = connectionFile.toAbsolutePath();
        this.profile = profile;
        this.logDirectory = logDirectory;
        this.options = options;
        this.channel = new ClientChannel(connection, this::notified);
        this.bulk = new BulkChannel(connection, HmacSigner.create(connection.signatureScheme(),
                connection.key().getBytes(StandardCharsets.UTF_8)));
        ValueEncoder encoder = new ValueEncoder(options.classBytes());
        // In a notebook cell, the context loader knows the cells' types (repl.CellContextLoader): a record declared
        // on both sides comes back as the cells' own.
        DeclaredTypes cells = Thread.currentThread().getContextClassLoader() instanceof DeclaredTypes types
                ? types : DeclaredTypes.NONE;
        this.sender = new TaskSender(channel, encoder, new ValueDecoder(options.loader(), encoder, bulk.fetcher()),
                bulk, cells);
        this.records = new TaskRecords(channel, sender, options.requestTimeout());
        try {
            Runtime.getRuntime().addShutdownHook(closeAtExit);
        } catch (IllegalStateException exiting) {
            // made while the JVM exits (in another shutdown hook): nothing will close it later
        }
    }

    /**
     * Connects to the cluster of the default profile ({@code $JPARALLEL_HOME} or {@code ~/.jparallel},
     * {@code profile_default/security/client.json}).
     *
     * @throws NoClusterException when no cluster runs for it
     * @throws ClusterException   when the controller does not answer
     */
    public static Client connect() {
        return connect(ClusterProfile.DEFAULT, ClientOptions.DEFAULT);
    }

    /** Connects to the cluster of this profile. */
    public static Client connect(String profile) {
        return connect(profile, ClientOptions.DEFAULT);
    }

    public static Client connect(String profile, ClientOptions options) {
        ClusterProfile p = ClusterProfile.named(profile);
        return open(ClusterConnection.read(p.clientFile(), profile), p.clientFile(), profile, p.logDirectory(),
                options);
    }

    /** Connects with a client connection file ({@code security/client.json}). */
    public static Client connect(Path connectionFile) {
        return connect(connectionFile, ClientOptions.DEFAULT);
    }

    public static Client connect(Path connectionFile, ClientOptions options) {
        ClusterConnection connection = ClusterConnection.read(connectionFile, profileOf(connectionFile));
        String profile = connection.profile();
        return open(connection, connectionFile, profile, logDirectoryOf(connectionFile, profile), options);
    }

    /** {@code …/profile_<name>/log} beside {@code …/profile_<name>/security/client.json}; else the profile's own. */
    private static Path logDirectoryOf(Path connectionFile, String profile) {
        Path security = connectionFile.toAbsolutePath().getParent();
        Path profileDir = security == null ? null : security.getParent();
        boolean inProfile = profileDir != null && profileDir.getFileName() != null
                && security.getFileName().toString().equals("security")
                && profileDir.getFileName().toString().startsWith("profile_");
        return inProfile ? profileDir.resolve("log") : ClusterProfile.named(profile).logDirectory();
    }

    private static String profileOf(Path connectionFile) {
        // …/profile_<name>/security/client.json
        Path profileDir = connectionFile.toAbsolutePath().getParent() == null ? null
                : connectionFile.toAbsolutePath().getParent().getParent();
        String dir = profileDir == null || profileDir.getFileName() == null ? "" : profileDir.getFileName().toString();
        return dir.startsWith("profile_") ? dir.substring("profile_".length()) : ClusterProfile.DEFAULT;
    }

    private static Client open(ClusterConnection connection, Path connectionFile, String profile, Path logDirectory,
                               ClientOptions options) {
        if (connection.controllerGone()) {
            throw new NoClusterException(profile, "its controller, pid " + connection.controllerPid()
                    + ", is not running: the connection file is stale");
        }
        Client client = new Client(connection, connectionFile, profile, logDirectory, options);
        try {
            client.refresh();
            return client;
        } catch (RuntimeException e) {
            client.close();
            if (connection.controllerGone()) {
                throw new NoClusterException(profile, "its controller, pid " + connection.controllerPid()
                        + ", exited");
            }
            throw e;
        }
    }

    /** Asks the controller which engines it has. */
    private void refresh() {
        Message reply = channel.call("connection_request", new JsonObject(), options.requestTimeout(),
                Duration.ofSeconds(2));
        JsonElement engines = reply.content().get("engines");
        registry.reset(engines != null && engines.isJsonObject() ? engines.getAsJsonObject() : new JsonObject());
    }

    private void notified(Message message) {
        JsonElement id = message.content().get("id");
        if (id == null || !id.isJsonPrimitive()) {
            return;
        }
        switch (message.msgType()) {
            case "engine_registered" -> registry.registered(id.getAsInt());
            case "engine_unregistered" -> registry.unregistered(id.getAsInt());
            default -> {
                // replies nobody waits for (abort, interrupt) carry no engine news
            }
        }
    }

    /** The profile of the cluster. */
    public String profile() {
        return profile;
    }

    /**
     * Whether this client's controller is known to have exited (one on this host whose process is gone, after
     * {@code jpcluster stop} or {@code rc.shutdown()}): requests would fail; connect to a new cluster instead.
     */
    public boolean controllerExited() {
        return channel.connection().controllerGone();
    }

    /** The ids of the engines registered now, in order. */
    public List<Integer> ids() {
        return registry.ids();
    }

    /** A view on every engine registered when a call is made, including engines that join later. */
    public DirectView all() {
        return new DirectView(new DirectRequests(sender, newViewTasks(), registry::ids, false), "all", connectionFile,
                null);
    }

    /** A view on these engines, in this order; a negative id counts from the last ({@code view(-1)}: rc[-1]). */
    public DirectView view(int... ids) {
        List<Integer> targets = new ArrayList<>();
        Arrays.stream(ids).forEach(targets::add);
        return view(targets);
    }

    /** A view on these engines, in this order. */
    public DirectView view(List<Integer> ids) {
        if (ids.isEmpty()) {
            throw new ClusterException("a view needs at least one engine id, such as rc.view(0, 1); rc.all() is a view"
                    + " on every engine (this cluster has engines " + ids() + ")");
        }
        List<Integer> targets = ids.stream().map(this::fromEnd).toList();
        targets.forEach(this::checkEngine);
        return new DirectView(new DirectRequests(sender, newViewTasks(), () -> targets, false), targets.toString(),
                connectionFile, targets);
    }

    /**
     * A view on the engines {@code targets} picks among those registered now, as {@code %px -t} takes them and
     * ipyparallel's {@code rc[...]} indexes: {@code "all"} (every engine, those that join later included),
     * {@code "2"}, {@code "-1"}, {@code "1,3"}, {@code "::2"} (rc[::2]), {@code "1:3"}, {@code "-2:"}.
     *
     * <pre>{@code
     * rc.view("::2").targets();   // [0, 2] of four engines
     * }</pre>
     *
     * @throws IllegalArgumentException when {@code targets} has none of these forms
     * @throws ClusterException         when it picks an engine that does not exist, or none
     */
    public DirectView view(String targets) {
        Targets picked = Targets.parse(targets);
        return picked instanceof Targets.All ? all() : view(picked.resolve(ids()));
    }

    /** A view on one engine, whose values are that engine's own (not lists); {@code engine(-1)} is the last one. */
    public EngineView engine(int id) {
        int engine = fromEnd(id);
        checkEngine(engine);
        return new EngineView(engine, new DirectRequests(sender, newViewTasks(), () -> List.of(engine), true),
                connectionFile);
    }

    /** An engine id as ipyparallel's {@code rc[-1]} takes one: a negative id counts from the last engine. */
    private int fromEnd(int id) {
        if (id >= 0) {
            return id;
        }
        List<Integer> ids = ids();
        if (-id > ids.size()) {
            throw new ClusterException("there is no engine " + id + ": the cluster has " + ids.size() + " engines "
                    + ids + " (-1 is the last)");
        }
        return ids.get(ids.size() + id);
    }

    private void checkEngine(int id) {
        if (!registry.contains(id)) {
            throw new ClusterException("there is no engine " + id + ": the cluster has engines " + ids());
        }
    }

    /** A view whose tasks go to whichever engine the controller picks. */
    public LoadBalancedView loadBalancedView() {
        return new LoadBalancedView(sender, newViewTasks(), () -> ids().size(), TaskFlags.NONE);
    }

    private ViewTasks newViewTasks() {
        return new ViewTasks(channel, sender, records);
    }

    /**
     * A view whose tasks go to whichever of these engines the controller picks: ipyparallel's
     * {@code rc.load_balanced_view(targets=[0, 1])}. With none, any engine.
     *
     * <pre>{@code
     * var lv = rc.loadBalancedView(0, 1);     // engines 2 and 3 stay free for %px
     * }</pre>
     *
     * @throws ClusterException if an id names no engine
     */
    public LoadBalancedView loadBalancedView(int... engineIds) {
        Arrays.stream(engineIds).forEach(this::checkEngine);
        return loadBalancedView().withFlags(TaskFlags.NONE.withTargets(engineIds));
    }

    /** {@link #loadBalancedView(int...)} for a list of ids, such as {@code rc.ids().subList(0, 2)}. */
    public LoadBalancedView loadBalancedView(List<Integer> engineIds) {
        return loadBalancedView(engineIds.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * A load-balanced view as an {@link java.util.concurrent.ExecutorService}: ipyparallel's {@code rc.executor()}.
     *
     * <pre>{@code
     * try (var executor = rc.executor()) {
     *     executor.execute(() -> System.out.println("on an engine"));   // printed there, not here
     * }
     * }</pre>
     */
    public ViewExecutor executor() {
        return loadBalancedView().executor();
    }

    /**
     * Waits until at least {@code n} engines are registered.
     *
     * @throws TimeoutException when fewer are there after {@code timeout}
     */
    public void waitForEngines(int n, Duration timeout) throws TimeoutException {
        int count;
        try {
            count = registry.awaitCount(n, timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimeoutException("interrupted while waiting for " + n + " engines");
        }
        if (count < n) {
            refresh(); // a notification may have been missed: ask once more before giving up
            count = ids().size();
        }
        if (count < n) {
            throw new TimeoutException("only " + count + " of " + n + " engines registered within "
                    + timeout.toMillis() / 1000.0 + " s: start more with `jpcluster engines -n " + (n - count)
                    + ProfileHints.option(profile) + "` or look for errors in " + logDirectory);
        }
    }

    /**
     * The result of any task of this cluster by msg_id, from the controller's records: a task this client did
     * not submit, or submitted before the kernel restarted. Its value, output ({@code stdout()}) and
     * {@code label()} are the task's own; while the task runs, the result polls the controller. Typed as the
     * caller needs it, it passes on as an argument too, its value going engine to engine.
     *
     * <p>A value over 1 MiB is not in the records: it stays on the engine that made it while the client that sent
     * the task (or a task that takes it) still needs it, and is freed after; fetched later it fails with
     * {@code NoSuchValue}. To keep a big value for another kernel, keep the submitting client open, or store the
     * value where both can read it (a file, a variable on the engine: {@code pull}).
     *
     * <pre>{@code
     * String id = lv.withFlags(TaskFlags.NONE.withLabel("step B")).apply(() -> stepB()).msgIds().get(0);
     * // … later, in another kernel:
     * Client.connect().getResult(id).get();
     * AsyncResult<double[]> b = rc.getResult(id);
     * lv.applyAsync((double[] v) -> v.length, b);
     * }</pre>
     *
     * @param <T> the value's type, as the caller takes it: unchecked, as a cast is
     * @throws UnknownTaskException when the controller has no record of it (never submitted, or purged)
     */
    @SuppressWarnings("unchecked")
    public <T> AsyncResult<T> getResult(String msgId) {
        return (AsyncResult<T>) records.result(msgId);
    }

    /**
     * Runs a finished task again, on whichever engine the load balancer picks (ipyparallel's {@code rc.resubmit}):
     * the same function and arguments, from the controller's record of the task, so a task of another client or
     * of a kernel since restarted runs again too. It is a new task with a msg_id of its own; its flags
     * ({@code retries}, {@code timeout}, {@code require}, {@code depend}, {@code label}) stay, but not its
     * engines (a direct view's, or a load-balanced view's of some engines), {@code after} or {@code follow}: it runs
     * again because of how its first run went. The results it took
     * as arguments it takes again, while they are held.
     *
     * <pre>{@code
     * AsyncResult<Double> first = lv.apply(() -> measure());
     * first.get();
     * AsyncResult<Double> again = rc.resubmit(first.msgIds().get(0));
     * again.get();            // measured once more, maybe on another engine
     * }</pre>
     *
     * <p>Only functions (apply, map, load-balanced or not) run again, and only those whose request the controller
     * kept: up to 1 MiB of function and arguments (a push's arrays are not kept).
     *
     * @param <T> the value's type, as the caller takes it: unchecked, as a cast is
     * @throws UnknownTaskException  when the controller has no record of it (never submitted, or purged)
     * @throws IllegalStateException when the task has not finished, or its request was not kept (code executed,
     *                               arguments too big)
     */
    @SuppressWarnings("unchecked")
    public <T> AsyncResult<T> resubmit(String msgId) {
        if (msgId == null) {
            throw new IllegalArgumentException("resubmit takes a task's msg_id, not null");
        }
        return (AsyncResult<T>) records.resubmit(List.of(msgId), true);
    }

    /**
     * Runs these finished tasks again, as {@link #resubmit(String)} does each: one result whose value lists theirs,
     * in this order (a map's chunks each give their list). Nothing runs unless every one of them can.
     *
     * <pre>{@code
     * AsyncMapResult<Integer> squares = lv.map(x -> x * x, range(8));
     * squares.get();
     * List<Object> chunks = rc.resubmit(squares.msgIds()).get();
     * }</pre>
     */
    public AsyncResult<List<Object>> resubmit(List<String> msgIds) {
        if (msgIds.isEmpty()) {
            throw new IllegalArgumentException("resubmit needs at least one msg_id");
        }
        @SuppressWarnings("unchecked")
        AsyncResult<List<Object>> result = (AsyncResult<List<Object>>) (AsyncResult<?>) records.resubmit(msgIds, false);
        return result;
    }

    /**
     * The msg_ids of every task the controller knows, by any client, finished or not, oldest submission first
     * (ipyparallel's {@code rc.hub_history()}): how a restarted kernel finds the tasks it had submitted, to fetch
     * their results with {@link #getResult}. Purged and bounded-out records are not there.
     *
     * <pre>{@code
     * List<String> ids = Client.connect().hubHistory();
     * Object last = rc.getResult(ids.get(ids.size() - 1)).get();
     * }</pre>
     */
    public List<String> hubHistory() {
        return records.history();
    }

    /**
     * The tasks of the controller's records that {@code query} matches, any client's, finished or pending, oldest
     * submission first (ipyparallel's {@code rc.db_query}): their engine, times, status, label, output and error.
     *
     * <pre>{@code
     * List<TaskInfo> failed = rc.dbQuery(TaskQuery.all().status("error").msgType("apply_request"));
     * rc.resubmit(failed.stream().map(TaskInfo::msgId).toList());
     * }</pre>
     */
    public List<TaskInfo> dbQuery(TaskQuery query) {
        if (query == null) {
            throw new IllegalArgumentException("dbQuery takes a TaskQuery, not null: TaskQuery.all() for every task");
        }
        return records.find(query);
    }

    /** Which of these tasks are pending, completed, or unknown to the controller. */
    public ResultStatus resultStatus(List<String> msgIds) {
        return records.status(msgIds);
    }

    /** The tasks queued on each engine and waiting in the controller. */
    public QueueStatus queueStatus() {
        return records.queue();
    }

    /**
     * Makes the controller forget the records of these finished tasks; returns how many it had. Their results
     * can no longer be had with {@link #getResult}; a pending task keeps its record.
     */
    public int purgeResults(List<String> msgIds) {
        return records.purge(msgIds, false);
    }

    /**
     * The bytes this client has received from the cluster so far, every frame counted: how much data came back
     * to the notebook. A result passed as an argument of another task adds nothing here.
     */
    public long bytesReceived() {
        return channel.bytesReceived() + bulk.bytesFetched();
    }

    /** Makes the controller forget the records of every finished task; returns how many it had. */
    public int purgeResults() {
        return records.purge(List.of(), true);
    }

    /**
     * The msg_ids of this client's requests still waiting for their reply: its unfinished tasks (ipyparallel's
     * {@code rc.outstanding}).
     */
    public Set<String> outstanding() {
        return Set.copyOf(channel.pendingIds());
    }

    /**
     * Waits for every request this client has sent so far, printing on {@code System.out} how many have been
     * answered, on one line rewritten each second, then {@code done}: ipyparallel's {@code rc.wait_interactive()}.
     * What the tasks threw is their results' {@code get()} to throw.
     *
     * <pre>{@code
     * for (int i = 0; i < 40; i++) lv.apply(() -> work());
     * rc.waitInteractive();   //   40/40 tasks finished after   12 s
     * }</pre>
     *
     * @throws CancellationException when the waiting thread is interrupted
     */
    public void waitInteractive() {
        WaitProgress.ofRequests(channel, channel.pendingIds(), System.out).await(Duration.ofSeconds(1));
    }

    /**
     * Waits until every request this client has sent so far has been answered, at most {@code timeout}
     * (ipyparallel's {@code rc.wait()}): results that nobody kept a reference to included. Requests sent while it
     * waits are not waited for.
     *
     * <pre>{@code
     * for (int i = 0; i < 100; i++) lv.apply(() -> work());
     * rc.waitForAll(Duration.ofMinutes(5));   // true: all 100 done
     * }</pre>
     *
     * @return whether they all were answered in time
     * @throws CancellationException when the waiting thread is interrupted
     * @throws ClusterException      when the client is closed, or its controller exits, before they are answered
     */
    public boolean waitForAll(Duration timeout) {
        return channel.awaitReplies(channel.pendingIds(), timeout);
    }

    /** Aborts every task of this client that has not started yet; they fail with {@link TaskAbortedError}. */
    public void abort() {
        List<String> pending = channel.pendingIds();
        if (!pending.isEmpty()) {
            sender.abort(pending, false);
        }
    }

    /**
     * Stops the cluster: its engines, then its controller; then closes this client. Waits (up to the request
     * timeout) for a local controller to exit.
     */
    public void shutdown() {
        JsonObject content = new JsonObject();
        content.addProperty("controller", true);
        try {
            channel.call("shutdown_request", content, options.requestTimeout());
        } catch (ClusterException alreadyGone) {
            // a controller that went away before answering is as stopped as we want it
        } finally {
            close();
        }
        channel.connection().controllerProcess().ifPresent(controller -> {
            try {
                controller.onExit().get(options.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception stillRunning) {
                // reported by the next connect, which finds the controller still there
            }
        });
    }

    /**
     * Disconnects; tasks still running go on, but their results are lost to this client, and the values engines
     * keep for its results are released (small ones stay in the controller's records for {@link #getResult}).
     */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(closeAtExit);
        } catch (IllegalStateException exiting) {
            // the hook closes it
        }
        closeChannels();
    }

    private void closeChannels() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        sender.releaseAll();
        records.close();
        channel.close();
        bulk.close();
    }

    /** {@code <Client profile 'default': 4 engines>}. */
    @Override
    public String toString() {
        return "<Client profile '" + profile + "': " + ids().size() + " engines" + (channel.open() ? "" : ", closed")
                + ">";
    }

}

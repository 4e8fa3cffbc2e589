package org.jparallel.client;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.lang.ref.Cleaner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.jparallel.wire.Message;

/**
 * The values engines keep for this client's apply results: fetched when a reply says a value is held
 * ({@code value_request}), and released ({@code release_request}) once the value is in this client, or the result
 * object is garbage, or the client closes, so the engine can free it when no task needs it either. Results die in
 * crowds (a loop of applies): their releases go out together, within {@value #RELEASE_DELAY_MILLIS} ms, one message
 * for up to {@value #RELEASE_BATCH} of them, not one message each.
 *
 * <p>A result object is small here and its value big there: a client that drops results of 80 MB in a loop
 * may not collect its garbage for a long while, and meanwhile the engines keep every value (one engine grew
 * to 5 GB in a benchmark). So, as the JDK does for the native memory of direct buffers, this client asks for a
 * collection of its own heap once the values it has engines keep have grown by {@link #PRESSURE_BYTES} since
 * the last one, and the results it no longer refers to release theirs.
 */
final class HeldValues {
    private static final Logger LOG = Logger.getLogger(HeldValues.class.getName());
    /** Long enough for an 80 MB value over a slow link; an engine that dies ends the wait sooner. */
    private static final Duration FETCH_TIMEOUT = Duration.ofMinutes(10);
    private static final Cleaner CLEANER = Cleaner.create();
    static final long RELEASE_DELAY_MILLIS = 100;
    static final int RELEASE_BATCH = 1000;
    static final long PRESSURE_BYTES = 512L << 20;

    private final ClientChannel channel;
    private final Set<String> live = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<String> garbage = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    /** The bytes engines keep for results still tracked, by the result's msg_id. */
    private final Map<String, Long> heldBytes = new ConcurrentHashMap<>();
    private final AtomicLong totalHeld = new AtomicLong();
    private long collectAt = PRESSURE_BYTES; // guarded by this

    HeldValues(ClientChannel channel) {
        this.channel = channel;
    }

    /** Releases the values of {@code msgIds} when {@code result} becomes unreachable. */
    void track(AsyncResult<?> result, List<String> msgIds) {
        List<String> ids = List.copyOf(msgIds);
        live.addAll(ids);
        CLEANER.register(result, () -> collected(ids));
    }

    /**
     * Watches a task's answers for a reply whose value its engine keeps ({@code held: {bytes}}), and counts
     * those bytes until the result is released.
     */
    Pending watching(Pending task) {
        return new Pending() {
            @Override
            public void receive(Message message) {
                if (message.content().get("held") instanceof JsonObject where && where.has("bytes")) {
                    keptOnEngine(message.parentHeader().get("msg_id").getAsString(), where.get("bytes").getAsLong());
                }
                task.receive(message);
            }

            @Override
            public void fail(RuntimeException reason) {
                task.fail(reason);
            }
        };
    }

    private void keptOnEngine(String msgId, long bytes) {
        if (!live.contains(msgId) || heldBytes.putIfAbsent(msgId, bytes) != null) {
            return;
        }
        long total = totalHeld.addAndGet(bytes);
        if (live.contains(msgId)) {
            collectIfPressed(total);
        } else if (heldBytes.remove(msgId) != null) { // released meanwhile: its bytes are not kept any more
            totalHeld.addAndGet(-bytes);
        }
    }

    private void collectIfPressed(long total) {
        synchronized (this) {
            if (total < collectAt) {
                return;
            }
            collectAt = total + PRESSURE_BYTES; // results still referred to are not collected: no collection per value
        }
        LOG.fine(() -> "engines keep " + total + " bytes for this client's results: collecting this JVM's garbage "
                + "so that the results it no longer refers to release their values");
        // off the socket thread, which delivers this reply: a collection may take a while
        CompletableFuture.runAsync(System::gc);
    }

    /**
     * The value of this task is in this client now: its engine may let it go, in the next batch of releases, as if
     * its result were garbage.
     */
    void inHand(String msgId) {
        collected(List.of(msgId));
    }

    /** On the cleaner's thread: a result is garbage; its values go in the next batch of releases. */
    private void collected(List<String> msgIds) {
        garbage.addAll(msgIds);
        if (flushScheduled.compareAndSet(false, true)) {
            CompletableFuture.runAsync(this::flush,
                    CompletableFuture.delayedExecutor(RELEASE_DELAY_MILLIS, TimeUnit.MILLISECONDS));
        }
    }

    private void flush() {
        flushScheduled.set(false);
        List<String> batch = new ArrayList<>();
        for (String msgId = garbage.poll(); msgId != null; msgId = garbage.poll()) {
            batch.add(msgId);
            if (batch.size() == RELEASE_BATCH) {
                release(batch);
                batch = new ArrayList<>();
            }
        }
        release(batch);
    }

    private void release(List<String> msgIds) {
        List<String> still = new ArrayList<>();
        for (String msgId : msgIds) {
            if (live.remove(msgId)) {
                still.add(msgId);
                Long bytes = heldBytes.remove(msgId);
                if (bytes != null) {
                    long total = totalHeld.addAndGet(-bytes);
                    synchronized (this) {
                        collectAt = Math.min(collectAt, total + PRESSURE_BYTES);
                    }
                }
            }
        }
        if (still.isEmpty()) {
            return;
        }
        JsonObject content = new JsonObject();
        JsonArray ids = new JsonArray();
        still.forEach(ids::add);
        content.add("msg_ids", ids);
        channel.sendAndForget(channel.newRequest("release_request", content));
    }

    void releaseAll() {
        garbage.clear();
        release(List.copyOf(live));
    }

    /** The frames of the value a reply says its engine holds. */
    List<byte[]> fetch(Message reply) {
        JsonElement msgId = reply.parentHeader().get("msg_id");
        JsonObject content = new JsonObject();
        content.addProperty("msg_id", msgId == null ? "" : msgId.getAsString());
        Message answer = channel.call("value_request", content, FETCH_TIMEOUT);
        if (!"ok".equals(OutputMessages.string(answer.content(), "status"))) {
            int engineId = OutputMessages.integer(reply.metadata(), "engine_id");
            throw ReplyErrors.of(engineId, "apply", answer);
        }
        return answer.buffers();
    }
}

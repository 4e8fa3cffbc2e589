package org.jparallel.client;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.lang.ref.Cleaner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jparallel.wire.Message;

/**
 * The values engines keep for this client's apply results: fetched when a reply says a value is held
 * ({@code value_request}), and released ({@code release_request}) once the result object is garbage, or
 * when the client closes, so the engine can free it when no task needs it either. Results die in crowds
 * (a loop of applies): their releases go out together, within {@value #RELEASE_DELAY_MILLIS} ms, one
 * message for up to {@value #RELEASE_BATCH} of them, not one message each.
 */
final class HeldValues {
    /** Long enough for an 80 MB value over a slow link; an engine that dies ends the wait sooner. */
    private static final Duration FETCH_TIMEOUT = Duration.ofMinutes(10);
    private static final Cleaner CLEANER = Cleaner.create();
    static final long RELEASE_DELAY_MILLIS = 100;
    static final int RELEASE_BATCH = 1000;

    private final ClientChannel channel;
    private final Set<String> live = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<String> garbage = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();

    HeldValues(ClientChannel channel) {
        this.channel = channel;
    }

    /** Releases the values of {@code msgIds} when {@code result} becomes unreachable. */
    void track(AsyncResult<?> result, List<String> msgIds) {
        List<String> ids = List.copyOf(msgIds);
        live.addAll(ids);
        CLEANER.register(result, () -> collected(ids));
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

package org.jparallel.client;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jparallel.wire.BackgroundThreads;
import org.jparallel.wire.HmacSigner;
import org.jparallel.wire.MalformedMessageException;
import org.jparallel.wire.Message;
import org.jparallel.wire.MessageCodec;
import org.jparallel.wire.link.LinkClient;

/**
 * The client's one link to the controller. Requests are sent from any thread; what comes back is routed to
 * the {@link Pending} of its parent's msg_id. Messages that answer no request (engines joining and leaving)
 * go to the notification listener.
 */
final class ClientChannel implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ClientChannel.class.getName());

    private final ClusterConnection connection;
    private final String session = UUID.randomUUID().toString();
    private final MessageCodec codec;
    private final Map<String, Pending> waiting = new ConcurrentHashMap<>();
    /** Notified on each reply while some thread waits for replies ({@link #awaitReplies}). */
    private final Object replied = new Object();
    private final AtomicInteger awaitingReplies = new AtomicInteger();
    private final Consumer<Message> notifications;
    private final LinkClient link;
    private volatile ClusterException closedBecause;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicLong bytesReceived = new java.util.concurrent.atomic.AtomicLong();

    ClientChannel(ClusterConnection connection, Consumer<Message> notifications) {
        this.connection = connection;
        this.notifications = notifications;
        this.codec = new MessageCodec(HmacSigner.create(connection.signatureScheme(),
                connection.key().getBytes(StandardCharsets.UTF_8)));
        try {
            this.link = LinkClient.connect(connection.clientAddresses(), "client", this::received);
        } catch (IOException e) {
            throw new ClusterException("cannot open a link to the controller: " + e.getMessage(), e);
        }
        // A release of nothing: a signed message the controller answers with silence, so that it vouches for the
        // new connection before a big request that waited for it comes (LinkServer limits the rest until then).
        JsonObject nothing = new JsonObject();
        nothing.add("msg_ids", new JsonArray());
        link.greetAgainWith(() -> codec.encode(newRequest("release_request", nothing)));
        connection.controllerProcess().ifPresent(controller -> controller.onExit().thenRun(() ->
                failAll(new ClusterException("the controller of profile '" + connection.profile() + "' (pid "
                        + connection.controllerPid() + ") exited before answering: start a cluster again with "
                        + "`jpcluster start -n 4" + ProfileHints.option(connection.profile()) + "` and reconnect"))));
    }

    /** The profile of the cluster this channel talks to, for the commands its errors suggest. */
    String profile() {
        return connection.profile();
    }

    String session() {
        return session;
    }

    ClusterConnection connection() {
        return connection;
    }

    /** A new request of this client's session, with no parent. */
    Message newRequest(String msgType, JsonObject content) {
        return Message.create(msgType, session, content);
    }

    /** Sends a request whose answers go to {@code pending}. */
    void send(Message request, Pending pending) {
        ClusterException closed = closedBecause;
        if (closed != null) {
            // A new exception, whose trace shows this call; the cause's shows where the client closed or broke.
            throw new ClusterException(closed.getMessage(), closed);
        }
        waiting.put(request.header().msgId(), pending);
        link.send(codec.encode(request));
    }

    /**
     * Routes the answers of a request that the controller sends for this client (a resubmitted task, under a
     * msg_id chosen here) to {@code pending}: before asking for it, since its answers may come before the reply.
     */
    void expect(String msgId, Pending pending) {
        ClusterException closed = closedBecause;
        if (closed != null) {
            throw new ClusterException(closed.getMessage(), closed);
        }
        waiting.put(msgId, pending);
    }

    /** Stops awaiting answers to {@code msgId}: the controller refused to send it. */
    void forget(String msgId) {
        waiting.remove(msgId);
    }

    /** Sends a request nobody waits for (abort, interrupt). */
    void sendAndForget(Message request) {
        if (closedBecause == null) {
            link.send(codec.encode(request));
        }
    }

    /**
     * Sends a request to the controller itself and waits for its reply.
     *
     * @throws ClusterException when no reply comes within {@code timeout}
     */
    Message call(String msgType, JsonObject content, Duration timeout) {
        return call(msgType, content, timeout, timeout);
    }

    /**
     * Like {@link #call(String, JsonObject, Duration)}, sending the request again every {@code every}
     * until one is answered, for idempotent requests such as {@code connection_request}: as frontends
     * re-send {@code kernel_info_request}, a client that has just connected must not hang on one lost
     * message (seen rarely, right after a cluster started, in CI).
     */
    Message call(String msgType, JsonObject content, Duration timeout, Duration every) {
        CompletableFuture<Message> reply = new CompletableFuture<>();
        Pending answer = new Pending() {
            @Override
            public void receive(Message message) {
                if (message.msgType().endsWith("_reply")) {
                    reply.complete(message);
                }
            }

            @Override
            public void fail(RuntimeException reason) {
                reply.completeExceptionally(reason);
            }
        };
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> sent = new ArrayList<>();
        try {
            while (true) {
                Message request = newRequest(msgType, content);
                sent.add(request.header().msgId());
                send(request, answer);
                long left = deadline - System.nanoTime();
                try {
                    return reply.get(Math.min(left, every.toNanos()), TimeUnit.NANOSECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    if (System.nanoTime() >= deadline) {
                        throw new ClusterException("the controller at " + connection.ip() + ":"
                                + connection.clientPort()
                                + " did not answer " + msgType + " within " + timeout.toSeconds()
                                + " s: check that the cluster of profile '" + connection.profile()
                                + "' runs (`jpcluster list`) and see its log/controller.log");
                    }
                }
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new ClusterException(e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("interrupted while waiting for the controller's " + msgType);
        } finally {
            sent.forEach(waiting::remove);
        }
    }

    private void received(List<byte[]> frames) {
        long bytes = 0;
        for (byte[] frame : frames) {
            bytes += frame.length;
        }
        bytesReceived.addAndGet(bytes);
        Message message;
        try {
            message = codec.decode(frames);
        } catch (MalformedMessageException e) {
            LOG.warning("dropped a message from the controller: " + e.getMessage());
            return;
        }
        JsonElement parentId = message.parentHeader().get("msg_id");
        Pending pending = parentId == null || !parentId.isJsonPrimitive() ? null : waiting.get(parentId.getAsString());
        if (pending == null) {
            notifications.accept(message);
            return;
        }
        if (message.msgType().endsWith("_reply")) {
            waiting.remove(parentId.getAsString());
        }
        pending.receive(message);
        if (message.msgType().endsWith("_reply") && awaitingReplies.get() > 0) {
            synchronized (replied) {
                replied.notifyAll();
            }
        }
    }

    /**
     * Waits until each of {@code msgIds} has had its reply (or the channel failed them), at most until
     * {@code deadline} ({@link System#nanoTime()}); whether they all did.
     */
    boolean awaitReplies(Collection<String> msgIds, long deadline) throws InterruptedException {
        if (BackgroundThreads.onDeliveringThread()) {
            throw new IllegalStateException("waiting for replies on the client's socket thread would never end: the"
                    + " replies come through this thread");
        }
        awaitingReplies.incrementAndGet();
        try {
            synchronized (replied) {
                for (String msgId : msgIds) {
                    while (waiting.containsKey(msgId)) {
                        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                        if (left <= 0) {
                            return false;
                        }
                        replied.wait(left);
                        ClusterException closed = closedBecause;
                        if (closed != null) { // it ended the request unanswered, as its result's get() says
                            throw new ClusterException(closed.getMessage(), closed);
                        }
                    }
                }
                return true;
            }
        } finally {
            awaitingReplies.decrementAndGet();
        }
    }

    /** Ends every request still waiting with {@code reason}; nothing can be sent afterwards. */
    private void failAll(ClusterException reason) {
        closedBecause = reason;
        for (String msgId : List.copyOf(waiting.keySet())) {
            Pending pending = waiting.remove(msgId);
            if (pending != null) {
                try {
                    pending.fail(reason);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "failing request " + msgId + " failed", e);
                }
            }
        }
        synchronized (replied) {
            replied.notifyAll();
        }
    }

    /** The msg_ids of requests still waiting for their reply. */
    /** Whether the request {@code msgId} was sent on this channel and waits for its reply. */
    boolean isWaiting(String msgId) {
        return waiting.containsKey(msgId);
    }

    /**
     * {@link #awaitReplies} for a user's thread: at most {@code timeout}, and an interrupt ends the wait with a
     * {@link CancellationException} that says the requests go on.
     */
    boolean awaitReplies(Collection<String> msgIds, Duration timeout) {
        try {
            return awaitReplies(msgIds, System.nanoTime() + timeout.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for requests; they go on: stop them with"
                    + " abort()");
        }
    }

    List<String> pendingIds() {
        return List.copyOf(waiting.keySet());
    }

    long bytesReceived() {
        return bytesReceived.get();
    }

    /** Whether requests can still be sent. */
    boolean open() {
        return closedBecause == null;
    }

    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        failAll(new ClusterException("this client was closed: connect again with "
                + ProfileHints.connect(connection.profile())));
        link.close(Duration.ofMillis(500)); // releases of held values just sent go first
    }
}

package org.jparallel.controller.launch;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jparallel.controller.profile.ClientConnection;
import org.jparallel.wire.HmacSigner;
import org.jparallel.wire.MalformedMessageException;
import org.jparallel.wire.Message;
import org.jparallel.wire.MessageCodec;
import org.jparallel.wire.link.LinkClient;

/**
 * A plain link to a controller's client socket, for the tools that start, query and
 * stop clusters. Not the client API: it only sends a request and waits for its reply. Used from one
 * thread at a time.
 *
 * <pre>{@code
 * try (ControllerLink link = ControllerLink.connect(ClientConnection.read(dir.clientFile()))) {
 *     Message reply = link.request("connection_request", new JsonObject(), Duration.ofSeconds(2));
 * }
 * }</pre>
 */
public final class ControllerLink implements AutoCloseable {
    private final BlockingQueue<List<byte[]>> received = new LinkedBlockingQueue<>();
    private final LinkClient link;
    private final MessageCodec codec;
    private final String session = UUID.randomUUID().toString();

    private ControllerLink(ClientConnection connection) {
        this.codec = new MessageCodec(HmacSigner.create(connection.signatureScheme(), connection.key()));
        try {
            this.link = LinkClient.connect(connection.clientAddresses(), "controller-link", received::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a link to the controller", e);
        }
    }

    public static ControllerLink connect(ClientConnection connection) {
        return new ControllerLink(connection);
    }

    /** A new request of this link's session, to send with {@link #send}. */
    public Message message(String msgType, JsonObject content) {
        return Message.create(msgType, session, content);
    }

    public void send(Message message) {
        link.send(codec.encode(message));
    }

    /** Frames encoded and signed elsewhere, sent as they are. */
    public void sendFrames(List<byte[]> frames) {
        link.send(frames);
    }

    /** The next message, or empty when none comes within {@code timeout}. */
    public Optional<Message> receive(Duration timeout) {
        List<byte[]> frames;
        try {
            frames = received.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        if (frames == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(codec.decode(frames));
        } catch (MalformedMessageException e) {
            throw new IllegalStateException("the controller sent a message that does not verify: " + e.getMessage(), e);
        }
    }

    /** Sends a request and returns its reply, skipping other messages. */
    public Message request(String msgType, JsonObject content, Duration timeout) throws TimeoutException {
        Message request = message(msgType, content);
        send(request);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new TimeoutException("no " + msgType.replace("_request", "_reply") + " from the controller within "
                        + timeout.toMillis() + " ms");
            }
            Optional<Message> message = receive(Duration.ofNanos(left));
            if (message.isPresent() && request.header().msgId().equals(
                    message.get().parentHeader().has("msg_id")
                            ? message.get().parentHeader().get("msg_id").getAsString() : null)) {
                return message.get();
            }
        }
    }

    @Override
    public void close() {
        link.close(Duration.ofMillis(500)); // a shutdown_request just sent must reach the controller
    }
}

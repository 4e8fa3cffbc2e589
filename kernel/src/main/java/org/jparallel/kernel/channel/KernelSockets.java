package org.jparallel.kernel.channel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.logging.Logger;
import org.jparallel.wire.ConnectionInfo;
import org.jparallel.wire.FrameReceiver;
import org.jparallel.wire.MalformedMessageException;
import org.jparallel.wire.Message;
import org.jparallel.wire.MessageCodec;
import org.jparallel.wire.zmq.SocketLoop;
import org.jparallel.wire.zmq.UnixSocketBridge;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The kernel's five sockets, bound where the connection file says, each owned by its own thread.
 *
 * <p>Incoming messages are verified and decoded on the socket's thread; a message that fails
 * (bad or replayed signature, missing frames, invalid JSON) is logged with its channel and dropped.
 * The heartbeat echoes on its own thread, so it answers while a cell runs.
 *
 * <pre>{@code
 * KernelSockets sockets = KernelSockets.bind(info, codec, (channel, message) -> dispatch(channel, message));
 * sockets.send(Channel.IOPUB, status);
 * }</pre>
 */
public final class KernelSockets implements Outbox, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(KernelSockets.class.getName());

    private final ZContext context = new ZContext();
    private final MessageCodec codec;
    private final Map<Channel, SocketLoop> loops = new EnumMap<>(Channel.class);
    private final List<UnixSocketBridge> bridges = new ArrayList<>();

    private KernelSockets(MessageCodec codec) {
        this.codec = codec;
    }

    /**
     * Binds all five sockets and starts their threads.
     *
     * @param inbound called on a socket thread with each valid message from shell, control or stdin
     */
    public static KernelSockets bind(ConnectionInfo info, MessageCodec codec, BiConsumer<Channel, Message> inbound) {
        KernelSockets sockets = new KernelSockets(codec);
        try {
            sockets.open(Channel.SHELL, SocketType.ROUTER, info.address(info.shellPort()), inbound);
            sockets.open(Channel.CONTROL, SocketType.ROUTER, info.address(info.controlPort()), inbound);
            sockets.open(Channel.STDIN, SocketType.ROUTER, info.address(info.stdinPort()), inbound);
            sockets.open(Channel.IOPUB, SocketType.PUB, info.address(info.iopubPort()), null);
            sockets.openHeartbeat(info.address(info.hbPort()));
            return sockets;
        } catch (RuntimeException e) {
            sockets.close();
            throw e;
        }
    }

    private void open(Channel channel, SocketType type, String address, BiConsumer<Channel, Message> inbound) {
        ZMQ.Socket socket = context.createSocket(type);
        socket.setLinger(1000);
        if (type == SocketType.ROUTER) {
            // As ipykernel: a client that connects again with the identity of an earlier one (two clients of one
            // jupyter_client KernelManager share their session) takes its place, instead of being ignored for good.
            socket.setRouterHandover(true);
        }
        bind(socket, address);
        FrameReceiver receiver = inbound == null ? null : frames -> decode(channel, frames, inbound);
        loops.put(channel, SocketLoop.start(context, socket, channel.name().toLowerCase(), receiver));
    }

    private void openHeartbeat(String address) {
        ZMQ.Socket socket = context.createSocket(SocketType.REP);
        socket.setLinger(0);
        bind(socket, address);
        SocketLoop[] self = new SocketLoop[1];
        self[0] = SocketLoop.start(context, socket, "heartbeat", frames -> self[0].send(frames));
        loops.put(Channel.HEARTBEAT, self[0]);
    }

    /** Binds a tcp address directly, an ipc one through a Unix socket bridge (jeromq's ipc is TCP inside). */
    private void bind(ZMQ.Socket socket, String address) {
        if (!address.startsWith("ipc://")) {
            socket.bind(address);
            return;
        }
        int port = socket.bindToRandomPort("tcp://127.0.0.1");
        try {
            bridges.add(UnixSocketBridge.open(Path.of(address.substring("ipc://".length())), port));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + address, e);
        }
    }

    private void decode(Channel channel, List<byte[]> frames, BiConsumer<Channel, Message> inbound) {
        Message message;
        try {
            message = codec.decode(frames);
        } catch (MalformedMessageException e) {
            // The signature itself is never logged: it would help a forger.
            LOG.warning("dropped a message on " + channel.name().toLowerCase() + " from "
                    + identity(frames) + ": " + e.getMessage());
            return;
        }
        inbound.accept(channel, message);
    }

    private static String identity(List<byte[]> frames) {
        if (frames.isEmpty() || frames.size() < 2) {
            return "an unknown peer";
        }
        StringBuilder hex = new StringBuilder("peer ");
        for (byte b : frames.get(0)) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }

    @Override
    public void send(Channel channel, Message message) {
        SocketLoop loop = loops.get(channel);
        if (loop != null) {
            loop.send(codec.encode(message));
        }
    }

    /** Flushes what is queued and closes every socket. */
    @Override
    public void close() {
        bridges.forEach(UnixSocketBridge::close);
        loops.values().forEach(SocketLoop::close);
        loops.clear();
        context.close();
    }
}

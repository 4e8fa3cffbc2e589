package org.jparallel.wire.zmq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnixSocketBridgeTest {
    @TempDir
    Path dir;

    @Test
    void bytesSentToTheUnixSocketReachTheTcpPortAndBack() throws Exception {
        try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             UnixSocketBridge bridge = UnixSocketBridge.open(dir.resolve("kernel-1"), tcp.getLocalPort());
             SocketChannel unix = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            unix.connect(UnixDomainSocketAddress.of(dir.resolve("kernel-1")));
            unix.write(ByteBuffer.wrap("ping".getBytes(StandardCharsets.US_ASCII)));
            try (Socket accepted = tcp.accept()) {
                byte[] got = accepted.getInputStream().readNBytes(4);
                assertEquals("ping", new String(got, StandardCharsets.US_ASCII));
                accepted.getOutputStream().write("pong".getBytes(StandardCharsets.US_ASCII));
                ByteBuffer answer = ByteBuffer.allocate(4);
                while (answer.hasRemaining()) {
                    unix.read(answer);
                }
                assertEquals("pong", new String(answer.array(), StandardCharsets.US_ASCII));
            }
        }
    }

    @Test
    void closingRemovesTheSocketFile() throws Exception {
        Path path = dir.resolve("kernel-2");
        try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            UnixSocketBridge.open(path, tcp.getLocalPort()).close();
        }
        assertFalse(Files.exists(path));
    }
}

package org.jparallel.wire;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

/**
 * The Unix domain sockets of a cluster's processes on one host. The controller listens on two in its
 * profile's {@code security} folder besides its TCP ports, and each engine's and client's bulk channel on one
 * beside them, named by pid: a process of that host reaches another through the socket file at half the CPU
 * and latency of loopback TCP per message, and moves big values faster; any other host uses TCP.
 *
 * <pre>{@code
 * SocketFiles.socketFileFirst("/home/u/.jparallel/profile_default/security/client.sock", tcp);
 *     // [/home/u/.jparallel/profile_default/security/client.sock, 127.0.0.1:40123]
 * }</pre>
 */
public final class SocketFiles {
    private static final String BULK_PREFIX = "bulk-";
    private static final String SUFFIX = ".sock";

    private SocketFiles() {
    }

    /**
     * A listening Unix domain socket at {@code file}, readable and writable by this user only; a file left there
     * by a process that is gone is replaced.
     *
     * @throws IOException where it cannot listen there, e.g. a path longer than a socket's (about 100 bytes)
     */
    public static ServerSocketChannel listen(Path file, int backlog) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            Files.deleteIfExists(file);
            server.bind(UnixDomainSocketAddress.of(file), backlog);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return server;
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
    }

    /**
     * The addresses a peer tries, in order, for a server that listens on TCP and perhaps on a socket file too:
     * the file first (it connects only on the server's host), then TCP.
     *
     * @param socketFile the server's socket file as its connection file names it, or empty for none
     */
    public static List<SocketAddress> socketFileFirst(String socketFile, InetSocketAddress tcp) {
        return socketFile.isEmpty() ? List.of(tcp) : List.of(UnixDomainSocketAddress.of(socketFile), tcp);
    }

    /**
     * Where this process's bulk channel listens: beside the controller's socket file {@code controllerSocket},
     * named by pid; null when the controller has none.
     */
    public static Path bulkSocketBeside(String controllerSocket) {
        Path folder = controllerSocket.isEmpty() ? null : Path.of(controllerSocket).getParent();
        return folder == null ? null : folder.resolve(BULK_PREFIX + ProcessHandle.current().pid() + SUFFIX);
    }

    /** Removes the bulk sockets in {@code folder} of processes that ended without removing theirs (kill -9). */
    public static void removeStaleBulkSockets(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (DirectoryStream<Path> sockets = Files.newDirectoryStream(folder, BULK_PREFIX + "*" + SUFFIX)) {
            for (Path socket : sockets) {
                String name = socket.getFileName().toString();
                Optional<ProcessHandle> owner = pid(name.substring(BULK_PREFIX.length(), name.length() - SUFFIX.length()))
                        .flatMap(ProcessHandle::of);
                if (owner.filter(ProcessHandle::isAlive).isEmpty()) {
                    Files.deleteIfExists(socket);
                }
            }
        }
    }

    private static Optional<Long> pid(String digits) {
        try {
            return Optional.of(Long.parseLong(digits));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

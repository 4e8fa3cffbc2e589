import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Loopback TCP against a Unix domain socket between two JVMs, as the cluster's links and bulk channel use them:
 * a ping-pong of 600-byte messages (the size of a no-op apply's messages) and 80 MB one way in 1 MiB writes.
 * Rounds alternate the two, so the machine's drift falls on both. Run from the source file:
 *
 *     java bench/transport/SocketBench.java [rounds]
 *
 * Prints, per transport, the medians over the rounds: µs per round trip, this side's CPU µs per round trip,
 * and ms per 80 MB.
 */
public final class SocketBench {
    private static final int MESSAGE = 600;
    private static final int ROUND_TRIPS = 20_000;
    private static final long BULK = 80_000_000L;

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--peer")) {
            peer(args[1], args[2]);
            return;
        }
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path dir = Files.createTempDirectory("socketbench");
        try {
            List<List<Double>> tcp = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            List<List<Double>> unix = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            for (int r = 0; r < rounds; r++) {
                measure("tcp", dir, tcp);
                measure("unix", dir, unix);
            }
            System.out.printf("%-5s %14s %18s %14s%n", "", "round trip µs", "CPU/round trip µs", "80 MB ms");
            print("tcp", tcp);
            print("unix", unix);
        } finally {
            Files.deleteIfExists(dir.resolve("s.sock"));
            Files.deleteIfExists(dir);
        }
    }

    private static void measure(String kind, Path dir, List<List<Double>> into) throws Exception {
        ServerSocketChannel server;
        String where;
        if (kind.equals("tcp")) {
            server = ServerSocketChannel.open();
            server.bind(new InetSocketAddress("127.0.0.1", 0));
            where = String.valueOf(((InetSocketAddress) server.getLocalAddress()).getPort());
        } else {
            Path file = dir.resolve("s.sock");
            Files.deleteIfExists(file);
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(file));
            where = file.toString();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String source = Path.of(SocketBench.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        Process peer = new ProcessBuilder(java, source, "--peer", kind, where).inheritIO().start();
        try (server; SocketChannel channel = server.accept()) {
            if (kind.equals("tcp")) {
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            }
            OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
            ByteBuffer message = ByteBuffer.allocateDirect(MESSAGE);
            for (int warm = 0; warm < 2; warm++) {
                long start = System.nanoTime();
                long cpu = os.getProcessCpuTime();
                for (int i = 0; i < ROUND_TRIPS; i++) {
                    message.clear();
                    writeFully(channel, message);
                    message.clear();
                    readFully(channel, message);
                }
                if (warm == 1) {
                    into.get(0).add((System.nanoTime() - start) / 1e3 / ROUND_TRIPS);
                    into.get(1).add((os.getProcessCpuTime() - cpu) / 1e3 / ROUND_TRIPS);
                }
            }
            ByteBuffer chunk = ByteBuffer.allocateDirect(1 << 20);
            long start = System.nanoTime();
            for (long got = 0; got < BULK; ) {
                chunk.clear();
                got += channel.read(chunk);
            }
            into.get(2).add((System.nanoTime() - start) / 1e6);
        }
        peer.waitFor();
    }

    private static void peer(String kind, String where) throws Exception {
        SocketAddress address = kind.equals("tcp") ? new InetSocketAddress("127.0.0.1", Integer.parseInt(where))
                : UnixDomainSocketAddress.of(where);
        try (SocketChannel channel = SocketChannel.open(address)) {
            if (kind.equals("tcp")) {
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            }
            ByteBuffer message = ByteBuffer.allocateDirect(MESSAGE);
            for (int i = 0; i < 2 * ROUND_TRIPS; i++) {
                message.clear();
                readFully(channel, message);
                message.flip();
                writeFully(channel, message);
            }
            ByteBuffer chunk = ByteBuffer.allocateDirect(1 << 20);
            for (long sent = 0; sent < BULK; ) {
                chunk.clear().limit((int) Math.min(chunk.capacity(), BULK - sent));
                sent += channel.write(chunk);
            }
        }
    }

    private static void readFully(SocketChannel channel, ByteBuffer buffer) throws Exception {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new IllegalStateException("the peer closed the connection");
            }
        }
    }

    private static void writeFully(SocketChannel channel, ByteBuffer buffer) throws Exception {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private static void print(String kind, List<List<Double>> figures) {
        System.out.printf("%-5s %14.1f %18.1f %14.1f%n", kind, median(figures.get(0)), median(figures.get(1)),
                median(figures.get(2)));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}

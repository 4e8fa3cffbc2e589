package org.jparallel.engine;

import com.google.gson.JsonObject;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jparallel.client.values.ValueDecoder;
import org.jparallel.display.Display;
import org.jparallel.repl.CellOutcome;
import org.jparallel.wire.HmacSigner;
import org.jparallel.wire.Message;
import org.jparallel.wire.MessageCodec;
import org.jparallel.wire.SocketFiles;
import org.jparallel.wire.link.LinkClient;
import org.jparallel.wire.link.LinkServer;

/**
 * {@code java -XX:ArchiveClassesAtExit=engine.jsa -cp jparallel.jar org.jparallel.engine.ArchiveTraining}:
 * does once, without a controller, what an engine does as it starts and serves its first requests
 * (a JShell session with the engine's imports and display prelude, a few cells, values through the
 * codec, a signed message, a ZeroMQ socket), so that a class data sharing archive recorded at its
 * exit holds the classes every engine loads. Exits 0, or 1 if a cell fails.
 */
public final class ArchiveTraining {
    private static final List<String> CELLS = List.of(
            "long x = ProcessHandle.current().pid();",
            "x + 1",
            "System.out.println(\"x = \" + x);",
            "record Point(int x, int y) { }",
            "double sum(double[] a) { double s = 0; for (double v : a) s += v; return s; }",
            "var list = new ArrayList<>(List.of(1, 2, 3)); list.stream().map(i -> i * i).collect(Collectors.toList())",
            "display(List.of(new Point(1, 2)));");

    private ArchiveTraining() {
    }

    public static void main(String[] args) {
        try (EngineSession session = EngineSession.open(new Display(event -> { }))) {
            session.prelude();
            for (String cell : CELLS) {
                CellOutcome outcome = session.java().eval(cell);
                if (!(outcome instanceof CellOutcome.Success)) {
                    System.err.println("jparallel engine training: " + cell + " -> " + outcome);
                    System.exit(1);
                }
            }
            ValueDecoder decoder = new ValueDecoder(ArchiveTraining.class.getClassLoader());
            decoder.decodeNamed(session.encoder().encodeNamed(Map.of("a", new double[1024], "s", "text",
                    "l", List.of(1L, 2.0, "three"))));
        }
        MessageCodec codec = new MessageCodec(HmacSigner.create("hmac-sha256", "training"));
        JsonObject content = new JsonObject();
        content.addProperty("status", "ok");
        BlockingQueue<List<byte[]>> received = new LinkedBlockingQueue<>();
        try {
            // Over a socket file, as engines on their controller's host talk, so the archive holds its classes too;
            // in the folder the controller gave, which it removes should it stop this JVM before the finally below.
            Path folder = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("jparallel-training");
            try (LinkServer server = LinkServer.bind("127.0.0.1", "training", received::add);
                 LinkClient client = LinkClient.connect(SocketFiles.socketFileFirst(socketFile(server, folder),
                         new InetSocketAddress("127.0.0.1", server.port())), "training", frames -> { })) {
                client.send(codec.encode(Message.create("execute_reply", "training", content)));
                List<byte[]> frames = received.poll(10, TimeUnit.SECONDS);
                if (frames == null) {
                    throw new IllegalStateException("no message over a link within 10 s");
                }
                codec.decode(frames.subList(1, frames.size()));
            } finally {
                Files.deleteIfExists(folder); // the server removed its socket file as it closed
            }
        } catch (Exception e) {
            System.err.println("jparallel engine training: " + e);
            System.exit(1);
        }
        System.exit(0);
    }

    private static String socketFile(LinkServer server, Path folder) {
        Path file = folder.resolve("training.sock");
        return server.listenOn(file) ? file.toString() : "";
    }
}

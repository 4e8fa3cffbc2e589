package org.jparallel.kernel;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;
import org.jparallel.wire.ConnectionFileException;
import org.jparallel.wire.ConnectionInfo;

/**
 * {@code java -jar jparallel-kernel.jar CONNECTION_FILE}: the process a kernelspec starts.
 *
 * <p>Exits 0 after a {@code shutdown_request}, 2 with a one-line error when the connection file is
 * missing or broken, and on its own when the process that started it ({@code JPY_PARENT_PID}) ends,
 * so no kernel outlives its frontend.
 */
public final class KernelMain {
    private KernelMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 1 || args[0].equals("-h") || args[0].equals("--help")) {
            System.err.println("usage: java -jar jparallel-kernel.jar CONNECTION_FILE");
            System.exit(2);
        }
        ConnectionInfo info;
        try {
            info = ConnectionInfo.read(Path.of(args[0]));
        } catch (ConnectionFileException e) {
            System.err.println("jparallel: " + e.getMessage());
            System.exit(2);
            return;
        }
        logTo(System.err);
        Kernel kernel = Kernel.start(info);
        // On SIGTERM and System.exit in a cell too, clusters started with %cluster stop with the kernel.
        Runtime.getRuntime().addShutdownHook(new Thread(kernel::closeForExit, "jparallel-shutdown"));
        exitWithParent(kernel);
        interruptOnSigint(kernel);
        kernel.awaitShutdown();
        kernel.close();
        System.exit(0);
    }

    /**
     * SIGINT interrupts the running cell, as in ipykernel, rather than ending the JVM and the session with it: the
     * kernelspec asks frontends for interrupt messages, but a terminal's Ctrl-C or a tool's signal sends SIGINT.
     */
    private static void interruptOnSigint(Kernel kernel) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> kernel.interrupt());
        } catch (IllegalArgumentException e) {
            // no SIGINT here (or the JVM keeps it, -Xrs): it ends the kernel as before
        }
    }

    /** Kernel logs go to the process's real stderr (the server's console), never into a cell. */
    private static void logTo(PrintStream stream) {
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        // Read by SimpleFormatter when it is created, so it must be set first.
        System.setProperty("java.util.logging.SimpleFormatter.format", "[jparallel %1$tT %4$s] %5$s%6$s%n");
        // Not a ConsoleHandler given this stream: its setOutputStream closes the stream it had, System.err itself,
        // and every later warning (a badly signed message dropped, say) went nowhere.
        Handler handler = new StreamHandler(stream, new SimpleFormatter()) {
            @Override
            public synchronized void publish(LogRecord record) {
                super.publish(record);
                flush();
            }
        };
        handler.setLevel(Level.INFO);
        root.addHandler(handler);
    }

    private static void exitWithParent(Kernel kernel) {
        String parent = System.getenv("JPY_PARENT_PID");
        if (parent == null || !parent.matches("\\d+")) {
            return;
        }
        ProcessHandle.of(Long.parseLong(parent)).ifPresent(handle -> handle.onExit().thenRun(() -> {
            kernel.close();
            System.exit(0);
        }));
    }
}

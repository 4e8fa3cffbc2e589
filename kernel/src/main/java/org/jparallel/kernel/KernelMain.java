package org.jparallel.kernel;

import java.io.PrintStream;
import java.nio.file.Path;
import org.jparallel.repl.QuietThreadDeath;
import org.jparallel.repl.UserLogRecords;
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
        QuietThreadDeath.install();
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

    /**
     * Kernel logs go to the process's real stderr (the server's console), never into a cell; the cells' and their
     * libraries' records go to the cell's stderr ({@link UserLogRecords}).
     */
    private static void logTo(PrintStream stream) {
        UserLogRecords.install(stream, "[jparallel %1$tT %4$s] %5$s%6$s%n");
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

package org.jparallel.engine;

import java.nio.file.Path;
import org.jparallel.repl.QuietThreadDeath;
import org.jparallel.repl.UserLogRecords;
import org.jparallel.wire.ConnectionFileException;

/**
 * {@code java -cp jparallel.jar org.jparallel.engine.EngineMain ENGINE_CONNECTION_FILE [--id-hint K]}:
 * the process a launcher starts for each engine.
 *
 * <p>Exits 0 when its controller asks it to, ends or falls silent; 2 with a one-line error when the
 * arguments or the connection file are wrong.
 */
public final class EngineMain {
    private EngineMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 1 && !(args.length == 3 && args[1].equals("--id-hint") && args[2].matches("-?\\d+"))) {
            System.err.println("usage: java -cp jparallel.jar org.jparallel.engine.EngineMain "
                    + "ENGINE_CONNECTION_FILE [--id-hint K]");
            System.exit(2);
        }
        EngineConnection connection;
        try {
            connection = EngineConnection.read(Path.of(args[0]));
        } catch (ConnectionFileException e) {
            System.err.println("jparallel engine: " + e.getMessage());
            System.exit(2);
            return;
        }
        logToStandardError();
        QuietThreadDeath.install();
        IdleHeapTrim.start();
        Engine engine = Engine.start(connection, args.length == 3 ? Integer.parseInt(args[2]) : -1);
        engine.awaitStop();
        engine.close();
        // JShell and user code may have started non-daemon threads: they must not keep an engine alive.
        Runtime.getRuntime().halt(0);
    }

    /**
     * Engine logs go to the process's real stderr (the engine's log file), never to a client; the records of the
     * code it runs for clients go to that request's stderr ({@link UserLogRecords}).
     */
    private static void logToStandardError() {
        UserLogRecords.install(System.err, "[engine %1$tT %4$s] %5$s%6$s%n");
    }
}

package org.jparallel.client.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jparallel.client.Client;
import org.jparallel.client.ClientOptions;
import org.jparallel.client.values.ClassBytes;
import org.jparallel.display.Display;
import org.jparallel.display.DisplayEvent;
import org.jparallel.repl.CellOutcome;
import org.jparallel.repl.JavaSession;
import org.jparallel.repl.SessionOptions;
import org.jparallel.wire.Message;

/**
 * A JShell session driven the way the kernel drives it: the client API on its class path and imported,
 * a {@link Client} built with the session's snippet bytecode defined as {@code rc}, and the display prelude
 * ({@code display(...)}, {@code html(...)}, …) showing into {@link #displayed()}.
 */
final class KernelSession implements AutoCloseable {
    private final JavaSession session;
    private final Client client;
    private final List<DisplayEvent> displayed = new CopyOnWriteArrayList<>();

    KernelSession(Path clientFile) {
        this.session = JavaSession.open(SessionOptions.defaults()
                .withClassPath(List.of(codeOf(Client.class), codeOf(Message.class), codeOf(Display.class)))
                .withStartup(List.of("import org.jparallel.client.*;",
                        "import static org.jparallel.client.Parallel.*;",
                        "import java.util.*;", "import java.time.Duration;")));
        this.client = Client.connect(clientFile,
                ClientOptions.DEFAULT.withClassBytes(ClassBytes.of(session.classBytes())));
        session.define("rc", Client.class.getName(), client);
        session.define("$display", Display.class.getName(), new Display(displayed::add));
        eval(Display.prelude("$display"));
    }

    /** What cells of this session have displayed. */
    List<DisplayEvent> displayed() {
        return displayed;
    }

    private static Path codeOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What {@code %jars PATH} does in the kernel. */
    void addToClasspath(Path entry) {
        if (!session.addToClasspath(entry)) {
            fail("the test JVM could not add " + entry + " to its own class path (--add-opens missing?)");
        }
    }

    /** Runs a cell; its value, or a test failure showing what went wrong. */
    Object eval(String cell) {
        CellOutcome outcome = session.eval(cell);
        if (outcome instanceof CellOutcome.Success success) {
            return success.value().map(v -> v.object()).orElse(null);
        }
        return fail("cell failed: " + cell + "\n" + outcome);
    }

    /** Runs a cell that must fail at run time; what it threw. */
    CellOutcome.RuntimeError evalFailing(String cell) {
        CellOutcome outcome = session.eval(cell);
        if (outcome instanceof CellOutcome.RuntimeError error) {
            return error;
        }
        return fail("expected the cell to throw: " + cell + "\n" + outcome);
    }

    @Override
    public void close() {
        client.close();
        session.close();
    }
}

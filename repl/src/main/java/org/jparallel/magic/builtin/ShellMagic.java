package org.jparallel.magic.builtin;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jparallel.magic.Magic;
import org.jparallel.magic.MagicCall;
import org.jparallel.magic.MagicContext;
import org.jparallel.magic.MagicException;
import org.jparallel.magic.MagicKind;
import org.jparallel.magic.MagicUsageException;
import org.jparallel.repl.CellOutcome;

/**
 * IPython's {@code %%bash} and {@code %%sh}, and {@code %sh COMMAND} for one line: a shell runs the text, its output
 * streams into the cell as it comes, an exit status other than 0 is the cell's error, and an interrupt stops the
 * shell and what it started. {@code %px %sh hostname} asks every engine's host.
 *
 * <pre>{@code
 * %%bash
 * for i in 1 2 3; do echo "line $i"; sleep 1; done
 * }</pre>
 */
public final class ShellMagic implements Magic {
    /** The shell the magic runs, sh or bash, and its name. */
    private final String shell;
    private final Set<MagicKind> kinds;
    private final ShellEnvironment environment;

    private ShellMagic(String shell, Set<MagicKind> kinds, ShellEnvironment environment) {
        this.shell = shell;
        this.kinds = kinds;
        this.environment = environment;
    }

    /** {@code %sh} / {@code %%sh} (POSIX sh) and {@code %%bash}, with the variables {@code %env} sets. */
    public static List<ShellMagic> all(ShellEnvironment environment) {
        return List.of(new ShellMagic("sh", Set.of(MagicKind.LINE, MagicKind.CELL), environment),
                new ShellMagic("bash", Set.of(MagicKind.CELL), environment));
    }

    @Override
    public String name() {
        return shell;
    }

    @Override
    public Set<MagicKind> kinds() {
        return kinds;
    }

    @Override
    public String usage() {
        boolean line = kinds.contains(MagicKind.LINE);
        return (line ? "%" + shell + " COMMAND      or      " : "") + "%%" + shell + "\nSCRIPT...\n"
                + "    Run with " + shell + " in the kernel's working folder, its output streaming into the cell; an exit\n"
                + "    status other than 0 is an error. Interrupt stops it. %px %" + (line ? "" : "%") + shell
                + " runs it on every engine's host.";
    }

    @Override
    public CellOutcome run(MagicCall call, MagicContext context) throws Exception {
        String script = call.kind() == MagicKind.CELL ? call.body() : call.arguments();
        if (call.kind() == MagicKind.CELL && !call.arguments().isBlank()) {
            throw new MagicUsageException("%%" + shell + " takes no arguments: the cell is the script");
        }
        if (script.isBlank()) {
            throw new MagicUsageException("%" + shell + " needs a command");
        }
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(shell, "-c", script);
            environment.applyTo(builder.environment());
            process = builder.start();
            process.getOutputStream().close(); // a script that reads its input ends instead of waiting
        } catch (IOException e) {
            throw new MagicException("ShellError", "cannot start " + shell + ": " + e.getMessage());
        }
        Thread out = pump(process.getInputStream(), System.out, "out");
        Thread err = pump(process.getErrorStream(), System.err, "err");
        AtomicBoolean interrupted = new AtomicBoolean();
        int status;
        try (AutoCloseable stopOnInterrupt = context.onInterrupt(() -> {
            interrupted.set(true);
            stop(process);
        })) {
            status = process.waitFor();
            // What the shell left running in the background holds its output open until it ends; an interrupt
            // stops the waiting for it (that process is the shell's no longer, so not ours to stop).
            while ((out.isAlive() || err.isAlive()) && !interrupted.get()) {
                out.join(50);
                err.join(50);
            }
        } catch (InterruptedException e) {
            stop(process);
            Thread.currentThread().interrupt();
            return new CellOutcome.Interrupted();
        }
        if (interrupted.get()) {
            return new CellOutcome.Interrupted();
        }
        if (status != 0) {
            throw new MagicException("ShellError", shell + " exited with status " + status);
        }
        return CellOutcome.nothing();
    }

    /** The shell and every process it started: a pipeline or a sleep would keep the cell's output open. */
    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }

    /** Copies what the shell writes, as it comes, so that a long script's lines show one by one. */
    private Thread pump(InputStream from, PrintStream to, String which) {
        Thread thread = new Thread(() -> {
            char[] buffer = new char[8192];
            try (Reader reader = new InputStreamReader(from, StandardCharsets.UTF_8)) {
                for (int n; (n = reader.read(buffer)) > 0; ) {
                    to.print(new String(buffer, 0, n));
                    to.flush();
                }
            } catch (IOException e) {
                // the shell was stopped: nothing more to copy
            }
        }, "jparallel-" + shell + "-std" + which);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}

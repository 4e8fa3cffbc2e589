package org.jparallel.magic.builtin;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Set;
import org.jparallel.magic.Magic;
import org.jparallel.magic.MagicCall;
import org.jparallel.magic.MagicContext;
import org.jparallel.magic.MagicKind;
import org.jparallel.magic.MagicUsageException;
import org.jparallel.repl.CellOutcome;

/**
 * {@code %time CODE} and {@code %%time}: runs the code and prints the CPU and wall-clock time it took, and, as
 * IPython does, the part of it spent compiling. The code's own result is the cell's result.
 */
public final class TimeMagic implements Magic {
    private static final long REPORTED_COMPILE_NANOS = 1_000_000;

    @Override
    public String name() {
        return "time";
    }

    @Override
    public Set<MagicKind> kinds() {
        return Set.of(MagicKind.LINE, MagicKind.CELL);
    }

    @Override
    public String usage() {
        return """
                %time CODE      or      %%time
                                        CODE...
                    Run CODE (Java or magics) and print the CPU and wall time it took.
                    CPU time is the kernel process's, including threads the code started.
                    "Compiler" is the part of the wall time JShell spent compiling new code.""";
    }

    @Override
    public CellOutcome run(MagicCall call, MagicContext context) throws MagicUsageException {
        if (call.kind() == MagicKind.CELL && !call.arguments().isBlank()) {
            // As IPython says it: the line's code would otherwise be silently left out.
            throw new MagicUsageException("%%time takes no code on its own line: put '" + call.arguments().strip()
                    + "' on the lines below it");
        }
        String code = call.kind() == MagicKind.CELL ? call.body() : call.arguments();
        if (code.isBlank()) {
            throw new MagicUsageException("%time needs code to run");
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        long compileBefore = context.session().compileNanos();
        long wallBefore = System.nanoTime();
        CellOutcome outcome = context.runCell(code);
        long wall = System.nanoTime() - wallBefore;
        long cpu = os.getProcessCpuTime() - cpuBefore;
        long compile = context.session().compileNanos() - compileBefore;
        if (outcome instanceof CellOutcome.CompileError) {
            return outcome; // nothing ran: no time to tell
        }
        System.out.println("CPU time: " + human(cpu) + "\nWall time: " + human(wall));
        if (compile >= REPORTED_COMPILE_NANOS) {
            // Part of the wall time: new code is compiled before it runs, and that is no measure of the code.
            System.out.println("Compiler : " + human(compile));
        }
        return outcome;
    }

    /** Durations as IPython prints them: s, ms or µs with three significant digits. */
    static String human(long nanos) {
        if (nanos >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.3g s", nanos / 1e9);
        }
        if (nanos >= 1_000_000L) {
            return String.format(Locale.ROOT, "%.3g ms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.3g µs", nanos / 1e3);
    }
}

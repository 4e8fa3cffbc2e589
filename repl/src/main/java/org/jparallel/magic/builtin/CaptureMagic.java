package org.jparallel.magic.builtin;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.SourceVersion;
import org.jparallel.magic.Magic;
import org.jparallel.magic.MagicCall;
import org.jparallel.magic.MagicContext;
import org.jparallel.magic.MagicKind;
import org.jparallel.magic.MagicUsageException;
import org.jparallel.repl.CellOutcome;

/**
 * IPython's {@code %%capture [--no-stdout] [--no-stderr] [NAME]}: runs the cell without showing what it prints or
 * its value, and keeps them in the variable {@code NAME} as a {@link CapturedOutput}. Displays
 * ({@code display(...)}) still show; errors still fail the cell.
 */
public final class CaptureMagic implements Magic {
    @Override
    public String name() {
        return "capture";
    }

    @Override
    public Set<MagicKind> kinds() {
        return Set.of(MagicKind.CELL);
    }

    @Override
    public String usage() {
        return """
                %%capture [--no-stdout] [--no-stderr] [NAME]
                CODE...
                    Run the cell without showing what it prints or its value; with NAME, keep them in the
                    variable NAME (a CapturedOutput: stdout(), stderr(), value(), show()). --no-stdout and
                    --no-stderr let that stream show as usual. Displays and errors show as usual.""";
    }

    @Override
    public CellOutcome run(MagicCall call, MagicContext context) throws MagicUsageException {
        boolean captureOut = true;
        boolean captureErr = true;
        List<String> names = new ArrayList<>();
        for (String word : call.arguments().strip().split("\\s+")) {
            switch (word) {
                case "" -> { }
                case "--no-stdout" -> captureOut = false;
                case "--no-stderr" -> captureErr = false;
                default -> {
                    if (!word.matches("[A-Za-z_$][\\w$]*") || !SourceVersion.isName(word)) { // not class, not _
                        throw new MagicUsageException("%%capture takes --no-stdout, --no-stderr and a variable name,"
                                + " not '" + word + "'");
                    }
                    names.add(word);
                }
            }
        }
        if (names.size() > 1) {
            throw new MagicUsageException("%%capture keeps its output in one variable, not " + names);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        originalOut.flush();
        originalErr.flush();
        CellOutcome outcome;
        try {
            if (captureOut) {
                System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            }
            if (captureErr) {
                System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            }
            outcome = context.runCell(call.body());
        } finally {
            System.out.flush();
            System.err.flush();
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        if (!(outcome instanceof CellOutcome.Success success)) {
            return outcome;
        }
        if (!names.isEmpty()) {
            Object value = success.value().map(v -> v.object()).orElse(null);
            context.session().define(names.get(0), CapturedOutput.class.getName(), new CapturedOutput(
                    out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), value));
        }
        return CellOutcome.nothing();
    }
}

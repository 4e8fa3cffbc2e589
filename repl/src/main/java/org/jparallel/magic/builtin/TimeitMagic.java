package org.jparallel.magic.builtin;

import java.util.Set;
import org.jparallel.magic.Magic;
import org.jparallel.magic.MagicCall;
import org.jparallel.magic.MagicContext;
import org.jparallel.magic.MagicKind;
import org.jparallel.magic.MagicUsageException;
import org.jparallel.repl.CellOutcome;

/**
 * IPython's {@code %timeit}: how long a statement or expression takes, over many loops and several runs, compiled
 * once into a lambda the loops call (so the JIT compiles it as it would in a program). A rough figure, as IPython's
 * is; JMH is the tool for careful ones.
 *
 * <pre>{@code
 * %timeit Math.sqrt(2.0)
 * 8.26 ns ± 0.102 ns per loop (mean ± std. dev. of 7 runs, 20,000,000 loops each)
 *
 * %%timeit -r 3 int[] a = new Random(1).ints(10_000).toArray();
 * Arrays.sort(a.clone());
 * }</pre>
 */
public final class TimeitMagic implements Magic {
    private static final String MEASURE = Timeit.class.getName() + ".measure";

    @Override
    public String name() {
        return "timeit";
    }

    @Override
    public Set<MagicKind> kinds() {
        return Set.of(MagicKind.LINE, MagicKind.CELL);
    }

    @Override
    public String usage() {
        return """
                %timeit [-n N] [-r R] [-o] CODE      or      %%timeit [-n N] [-r R] [-o] [SETUP]
                                                             CODE...
                    Time CODE (an expression or statements): R runs (7) of N loops each (by default as
                    many as make a run last 0.2 s), printed as mean ± standard deviation per loop.
                    %%timeit runs SETUP (the rest of its line) once first. -o makes the timing the cell's
                    value (var t = %timeit -o CODE; then t.meanNanosPerLoop(), t.bestNanosPerLoop()…).
                    Variables of earlier cells can be used and changed; local variables of CODE start
                    afresh each loop. Code that throws fails the cell with its exception.""";
    }

    @Override
    public CellOutcome run(MagicCall call, MagicContext context) throws MagicUsageException {
        Options options = Options.parse(call.arguments());
        String code = call.kind() == MagicKind.CELL ? call.body() : options.rest();
        if (code.isBlank()) {
            throw new MagicUsageException("%timeit needs code to time");
        }
        if (code.lines().anyMatch(line -> line.stripLeading().startsWith("%"))) {
            throw new MagicUsageException("%timeit times Java, not magics: %%time times a cell with magics once");
        }
        if (call.kind() == MagicKind.CELL && !options.rest().isBlank()) {
            CellOutcome setup = context.runCell(options.rest());
            if (!(setup instanceof CellOutcome.Success)) {
                return setup;
            }
        }
        CellOutcome timed = time(code, options, context);
        if (!(timed instanceof CellOutcome.Success success) || success.value().isEmpty()) {
            return timed;
        }
        System.out.println(success.value().get().object());
        return options.returnTiming() ? timed : CellOutcome.nothing();
    }

    /**
     * Compiles the code into the body of a lambda: as an expression if it is one (its value kept, so that the JIT
     * cannot drop the work), else as statements.
     */
    private static CellOutcome time(String code, Options options, MagicContext context) {
        String call = MEASURE + "(" + options.loops() + ", " + options.runs() + ", ";
        String trimmed = code.strip();
        boolean oneExpression = !trimmed.contains(";") && !trimmed.contains("\n");
        CellOutcome asExpression = null;
        if (oneExpression) {
            // The code on a line of its own: a compile error then shows the user's line, not this wrapper.
            asExpression = context.runCell(call + "() -> (\n" + trimmed + "\n))");
            if (!(asExpression instanceof CellOutcome.CompileError)) {
                return asExpression;
            }
        }
        // In an if (true) block, code that cannot complete (a throw, a loop without end) leaves the return after
        // it reachable, as javac's rules for if statements have it.
        String terminated = trimmed.endsWith(";") || trimmed.endsWith("}") ? code : code + "\n;";
        CellOutcome asStatements = context.runCell(call + "() -> { if (true) {\n" + terminated + "\n}\nreturn null; })");
        // Code meant as an expression that does not compile: its own error, not the statements' "not a statement".
        return asStatements instanceof CellOutcome.CompileError && asExpression != null ? asExpression : asStatements;
    }

    /** The options before the code: {@code -n}, {@code -r}, {@code -o}. */
    private record Options(int loops, int runs, boolean returnTiming, String rest) {
        static Options parse(String arguments) throws MagicUsageException {
            int loops = 0;
            int runs = 7;
            boolean returnTiming = false;
            String rest = arguments.strip();
            while (rest.startsWith("-")) {
                String[] parts = rest.split("\\s+", 2);
                String option = parts[0];
                String after = parts.length > 1 ? parts[1] : "";
                if (option.matches("-[nr]\\d+")) { // IPython's -n100
                    after = option.substring(2) + " " + after;
                    option = option.substring(0, 2);
                }
                switch (option) {
                    case "-o" -> returnTiming = true;
                    case "-n", "-r" -> {
                        String[] value = after.split("\\s+", 2);
                        int number = positive(value[0], option);
                        if (option.equals("-n")) {
                            loops = number;
                        } else {
                            runs = number;
                        }
                        after = value.length > 1 ? value[1] : "";
                    }
                    default -> {
                        if (option.matches("--?[A-Za-z][\\w-]*")) {
                            throw new MagicUsageException("unknown option " + option);
                        }
                        return new Options(loops, runs, returnTiming, rest); // code that begins with -, e.g. -x*2
                    }
                }
                rest = after.strip();
            }
            return new Options(loops, runs, returnTiming, rest);
        }

        private static int positive(String text, String option) throws MagicUsageException {
            try {
                int number = Integer.parseInt(text);
                if (number > 0) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // said below
            }
            throw new MagicUsageException(option + " needs a number of 1 or more, not '" + text + "'");
        }
    }
}

package org.jparallel.kernel.history;

import java.util.List;
import java.util.Set;
import org.jparallel.magic.Magic;
import org.jparallel.magic.MagicCall;
import org.jparallel.magic.MagicContext;
import org.jparallel.magic.MagicKind;
import org.jparallel.magic.MagicUsageException;
import org.jparallel.repl.CellOutcome;

/**
 * IPython's {@code %history [-n] [-o] [-l N] [RANGE]}: the inputs of this kernel's cells, e.g. to copy a cell
 * typed earlier into a {@code %%writefile}, or to see what was run since a restart of the cluster.
 */
public final class HistoryMagic implements Magic {
    private final History history;

    public HistoryMagic(History history) {
        this.history = history;
    }

    @Override
    public String name() {
        return "history";
    }

    @Override
    public Set<MagicKind> kinds() {
        return Set.of(MagicKind.LINE);
    }

    @Override
    public String usage() {
        return """
                %history [-n] [-o] [-l N] [RANGE]
                    Print the inputs of this kernel's cells, oldest first: all, the last N (-l N), or a RANGE of
                    cell numbers (4, 4-7). -n puts each cell's number before it, -o its result after it.""";
    }

    @Override
    public CellOutcome run(MagicCall call, MagicContext context) throws MagicUsageException {
        boolean numbered = false;
        boolean outputs = false;
        Integer last = null;
        String range = null;
        List<String> words = List.of(call.arguments().strip().split("\\s+"));
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            switch (word) {
                case "" -> { }
                case "-n" -> numbered = true;
                case "-o" -> outputs = true;
                case "-l" -> last = ++i < words.size() ? number(words.get(i)) : missing();
                default -> {
                    if (word.startsWith("-") || range != null) {
                        throw new MagicUsageException("%history takes -n, -o, -l N and one RANGE, not '" + word + "'");
                    }
                    range = word;
                }
            }
        }
        List<History.Entry> entries = last != null ? history.tail(last) : range != null ? inRange(range)
                : history.range(History.SESSION, 1, 0);
        for (History.Entry entry : entries) {
            String input = entry.input().stripTrailing();
            System.out.println(numbered ? entry.line() + ": " + input.replace("\n", "\n" + " ".repeat(
                    String.valueOf(entry.line()).length() + 2)) : input);
            if (outputs && entry.output() != null) {
                System.out.println("Out[" + entry.line() + "]: " + entry.output());
            }
        }
        return CellOutcome.nothing();
    }

    private List<History.Entry> inRange(String text) throws MagicUsageException {
        int dash = text.indexOf('-');
        int from = number(dash < 0 ? text : text.substring(0, dash));
        int to = dash < 0 ? from : number(text.substring(dash + 1));
        return history.range(History.SESSION, from, to + 1);
    }

    private static int number(String text) throws MagicUsageException {
        try {
            int n = Integer.parseInt(text);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new MagicUsageException("%history takes cell numbers of 1 or more (4, 4-7), not '" + text + "'");
    }

    private static Integer missing() throws MagicUsageException {
        throw new MagicUsageException("-l needs how many of the last cells");
    }
}

package org.jparallel.magic.builtin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import org.jparallel.magic.Magic;
import org.jparallel.magic.MagicCall;
import org.jparallel.magic.MagicContext;
import org.jparallel.magic.MagicException;
import org.jparallel.magic.MagicKind;
import org.jparallel.magic.MagicUsageException;
import org.jparallel.repl.CellOutcome;

/**
 * IPython's {@code %%writefile [-a] FILE}: the cell's body, as typed, into a file (appended with {@code -a}), e.g.
 * a {@code .jsh} script that {@code %load} or {@code rc.all().run(Path.of(...))} runs later, or data for a test.
 */
public final class WriteFileMagic implements Magic {
    @Override
    public String name() {
        return "writefile";
    }

    @Override
    public Set<MagicKind> kinds() {
        return Set.of(MagicKind.CELL);
    }

    @Override
    public String usage() {
        return """
                %%writefile [-a] FILE
                TEXT...
                    Write the cell's text into FILE (a relative path is from the kernel's working folder),
                    replacing it, or appending to it with -a (--append).""";
    }

    @Override
    public CellOutcome run(MagicCall call, MagicContext context) throws MagicUsageException, MagicException {
        List<String> words = List.of(call.arguments().strip().split("\\s+"));
        boolean append = !words.isEmpty() && (words.get(0).equals("-a") || words.get(0).equals("--append"));
        List<String> rest = append ? words.subList(1, words.size()) : words;
        if (rest.size() != 1 || rest.get(0).isEmpty() || rest.get(0).startsWith("-")) {
            throw new MagicUsageException("%%writefile needs one file (and -a to append)");
        }
        Path file = Path.of(rest.get(0)).toAbsolutePath().normalize();
        boolean existed = Files.exists(file);
        String text = call.body().endsWith("\n") ? call.body() : call.body() + "\n";
        try {
            StandardOpenOption mode = append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING;
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, mode,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new MagicException("WriteError", "cannot write " + file + ": " + e.getMessage());
        }
        System.out.println((append ? "Appending to " : existed ? "Overwriting " : "Writing ") + file);
        return CellOutcome.nothing();
    }
}

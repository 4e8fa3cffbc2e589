package org.jparallel.magic.builtin;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.jparallel.magic.Magic;
import org.jparallel.magic.MagicCall;
import org.jparallel.magic.MagicContext;
import org.jparallel.magic.MagicException;
import org.jparallel.magic.MagicKind;
import org.jparallel.magic.MagicUsageException;
import org.jparallel.repl.CellOutcome;

/**
 * {@code %load FILE}: runs a file of Java snippets (a {@code .jsh} script, declarations, statements, magics) in the
 * session as if it were a cell, as IJava's {@code %load} and JShell's {@code /open} do; the file's last expression
 * is the cell's value. {@code %px %load FILE} runs it on each engine, from the engine's host.
 */
public final class LoadMagic implements Magic {
    @Override
    public String name() {
        return "load";
    }

    @Override
    public Set<MagicKind> kinds() {
        return Set.of(MagicKind.LINE);
    }

    @Override
    public String usage() {
        return """
                %load FILE
                    Run a file of Java snippets (declarations, statements, magics) in this session, as a
                    cell; a relative path is from the kernel's working folder. %px %load FILE on engines.""";
    }

    @Override
    public CellOutcome run(MagicCall call, MagicContext context) throws MagicUsageException, MagicException {
        String argument = call.arguments().strip();
        if (argument.isEmpty()) {
            throw new MagicUsageException("%load needs a file");
        }
        Path file = Path.of(argument).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new MagicUsageException("no such file: " + argument);
        }
        String code;
        try {
            code = Files.readString(file);
        } catch (MalformedInputException e) {
            throw new MagicException("LoadError", file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new MagicException("LoadError", "cannot read " + file + ": " + e.getMessage());
        }
        return context.runCell(code, argument); // errors name the file: "setup.jsh line 3"
    }
}

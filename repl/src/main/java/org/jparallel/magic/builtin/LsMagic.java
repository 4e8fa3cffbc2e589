package org.jparallel.magic.builtin;

import java.util.Set;
import org.jparallel.magic.Magic;
import org.jparallel.magic.MagicCall;
import org.jparallel.magic.MagicContext;
import org.jparallel.magic.MagicKind;
import org.jparallel.magic.MagicUsageException;
import org.jparallel.repl.CellOutcome;

/** {@code %lsmagic}: lists the magics this kernel knows. */
public final class LsMagic implements Magic {
    @Override
    public String name() {
        return "lsmagic";
    }

    @Override
    public Set<MagicKind> kinds() {
        return Set.of(MagicKind.LINE);
    }

    @Override
    public String usage() {
        return "%lsmagic\n    List the available magics. Type %name? for the usage of one.";
    }

    @Override
    public CellOutcome run(MagicCall call, MagicContext context) throws MagicUsageException {
        if (!call.arguments().isBlank()) {
            throw new MagicUsageException("%lsmagic takes no arguments");
        }
        System.out.println("Available line magics:\n" + context.registry().listing(MagicKind.LINE)
                + "\n\nAvailable cell magics:\n" + context.registry().listing(MagicKind.CELL)
                + "\n\nType %name? for the usage of one.");
        return CellOutcome.nothing();
    }
}

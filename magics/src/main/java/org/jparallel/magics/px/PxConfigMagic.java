package org.jparallel.magics.px;

import java.util.Set;
import org.jparallel.magic.Magic;
import org.jparallel.magic.MagicCall;
import org.jparallel.magic.MagicContext;
import org.jparallel.magic.MagicKind;
import org.jparallel.magic.MagicUsageException;
import org.jparallel.magics.ParallelSession;
import org.jparallel.repl.CellOutcome;

/** {@code %pxconfig [options]}: sets the defaults of {@code %px}, e.g. {@code %pxconfig -t ::2 --noblock}. */
public final class PxConfigMagic implements Magic {
    private final ParallelSession parallel;

    public PxConfigMagic(ParallelSession parallel) {
        this.parallel = parallel;
    }

    @Override
    public String name() {
        return "pxconfig";
    }

    @Override
    public Set<MagicKind> kinds() {
        return Set.of(MagicKind.LINE);
    }

    @Override
    public String usage() {
        return "%pxconfig [options]\n    Set the default options of %px, %%px and %autopx:\n" + PxArguments.OPTIONS_USAGE;
    }

    @Override
    public CellOutcome run(MagicCall call, MagicContext context) throws MagicUsageException {
        PxArguments arguments = PxArguments.parse(call.arguments(), parallel.defaults());
        if (!arguments.code().isEmpty()) {
            throw new MagicUsageException("unexpected '" + arguments.code() + "': %pxconfig takes options only");
        }
        parallel.defaults(arguments.options());
        return CellOutcome.nothing();
    }
}

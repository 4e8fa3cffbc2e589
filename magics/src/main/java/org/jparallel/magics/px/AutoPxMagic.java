package org.jparallel.magics.px;

import java.util.Set;
import org.jparallel.magic.Magic;
import org.jparallel.magic.MagicCall;
import org.jparallel.magic.MagicContext;
import org.jparallel.magic.MagicKind;
import org.jparallel.magic.MagicUsageException;
import org.jparallel.repl.CellOutcome;

/** {@code %autopx}: every following cell runs as {@code %%px}, until {@code %autopx} again. */
public final class AutoPxMagic implements Magic {
    private final String cellMagic;
    private boolean enabled;

    /** {@code %autopx}, which sends cells to {@code %%px}. */
    public AutoPxMagic() {
        this("px");
    }

    /** The {@code %autopx} of an activated view, which sends cells to its {@code %%px_SUFFIX}. */
    public AutoPxMagic(String cellMagic) {
        this.cellMagic = cellMagic;
    }

    @Override
    public String name() {
        return "autopx";
    }

    @Override
    public Set<MagicKind> kinds() {
        return Set.of(MagicKind.LINE);
    }

    @Override
    public String usage() {
        return """
                %autopx
                    Run every following cell on the engines, as if it began with %%px (with the
                    %pxconfig defaults), until %autopx again.""";
    }

    @Override
    public synchronized CellOutcome run(MagicCall call, MagicContext context) throws MagicUsageException {
        if (!call.arguments().isBlank()) {
            throw new MagicUsageException("%autopx takes no arguments");
        }
        enabled = !enabled;
        context.redirectCells(enabled ? cellMagic : null);
        System.out.println(enabled ? "%auto" + cellMagic + " enabled: cells run on the engines" : "%auto" + cellMagic
                + " disabled");
        return CellOutcome.nothing();
    }
}

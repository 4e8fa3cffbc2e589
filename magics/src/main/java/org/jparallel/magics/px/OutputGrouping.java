package org.jparallel.magics.px;

import java.util.Locale;
import org.jparallel.magic.MagicUsageException;

/** How {@code %px} orders the outputs of several engines once they are all in (as ipyparallel's). */
public enum OutputGrouping {
    /** All stdout, then all stderr, then results, each by engine. */
    TYPE,
    /** Everything of engine 0, then of engine 1, … */
    ENGINE,
    /** By engine, then by kind within each engine's order of appearance. */
    ORDER;

    static OutputGrouping parse(String text) throws MagicUsageException {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MagicUsageException("--group-outputs takes type, engine or order, not '" + text + "'");
        }
    }
}

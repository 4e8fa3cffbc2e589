package org.jparallel.magics.px;

import java.util.Optional;
import org.jparallel.client.Targets;

/**
 * The options of {@code %px}, {@code %%px} and {@code %pxconfig}, as a value: {@code %pxconfig} changes
 * the defaults, a {@code %px} line overrides them for one run.
 *
 * @param targets       engines to run on
 * @param block         wait for the engines (default) or return an {@code AsyncResult} at once
 * @param stream        print output as it arrives (default) or all at the end
 * @param grouping      how outputs are ordered when not streamed
 * @param out           also bind the result to this variable
 * @param local         run the cell in the kernel too
 * @param verbose       print which engines run it
 * @param progressAfter seconds before a progress bar appears
 */
public record PxOptions(Targets targets, boolean block, boolean stream, OutputGrouping grouping,
                        Optional<String> out, boolean local, boolean verbose, double progressAfter) {

    public static PxOptions defaults() {
        return new PxOptions(Targets.all(), true, true, OutputGrouping.TYPE, Optional.empty(), false, false, 2.0);
    }

    public PxOptions withTargets(Targets t) {
        return new PxOptions(t, block, stream, grouping, out, local, verbose, progressAfter);
    }

    PxOptions withBlock(boolean b) {
        return new PxOptions(targets, b, stream, grouping, out, local, verbose, progressAfter);
    }

    PxOptions withStream(boolean s) {
        return new PxOptions(targets, block, s, grouping, out, local, verbose, progressAfter);
    }

    PxOptions withGrouping(OutputGrouping g) {
        return new PxOptions(targets, block, stream, g, out, local, verbose, progressAfter);
    }

    PxOptions withOut(String name) {
        return new PxOptions(targets, block, stream, grouping, Optional.of(name), local, verbose, progressAfter);
    }

    PxOptions withLocal(boolean l) {
        return new PxOptions(targets, block, stream, grouping, out, l, verbose, progressAfter);
    }

    PxOptions withVerbose(boolean v) {
        return new PxOptions(targets, block, stream, grouping, out, local, v, progressAfter);
    }

    PxOptions withProgressAfter(double seconds) {
        return new PxOptions(targets, block, stream, grouping, out, local, verbose, seconds);
    }
}

package org.jparallel.magics.px;

import java.util.List;
import java.util.Set;
import org.jparallel.client.AsyncResult;
import org.jparallel.client.EngineOutput;
import org.jparallel.client.OutputPrinter;
import org.jparallel.magic.Magic;
import org.jparallel.magic.MagicCall;
import org.jparallel.magic.MagicContext;
import org.jparallel.magic.MagicException;
import org.jparallel.magic.MagicKind;
import org.jparallel.magic.MagicUsageException;
import org.jparallel.magics.ParallelSession;
import org.jparallel.repl.CellOutcome;

/** {@code %pxresult}: waits for the last {@code %px} and shows its outputs and errors. */
public final class PxResultMagic implements Magic {
    private final ParallelSession parallel;

    public PxResultMagic(ParallelSession parallel) {
        this.parallel = parallel;
    }

    @Override
    public String name() {
        return "pxresult";
    }

    @Override
    public Set<MagicKind> kinds() {
        return Set.of(MagicKind.LINE);
    }

    @Override
    public String usage() {
        return """
                %pxresult [--group-outputs type|engine|order] [-e] [-r]
                    Wait for the last %px (e.g. one run with -a) and show its outputs.""";
    }

    @Override
    public CellOutcome run(MagicCall call, MagicContext context) throws MagicUsageException, MagicException {
        PxArguments arguments = PxArguments.parse(call.arguments(), parallel.defaults());
        if (!arguments.code().isEmpty()) {
            throw new MagicUsageException("unexpected '" + arguments.code() + "'");
        }
        AsyncResult<?> last = parallel.last().orElseThrow(() ->
                new MagicException("UsageError", "no %px has run yet in this kernel: run one first, e.g. %px -a CODE"));
        OutputPrinter printer = OutputPrinter.toSystemStreams(context.display());
        // Interrupted, the wait ends at once and the tasks stop, queued or running, as for a blocking %px.
        try (AutoCloseable interrupt = context.onInterrupt(() -> last.cancel(true))) {
            while (!last.waitFor(java.time.Duration.ofMillis(100))) {
                // waiting
            }
            if (last.isCancelled()) {
                return new CellOutcome.Interrupted();
            }
        } catch (Exception e) {
            throw new MagicException(e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
        }
        List<EngineOutput> outputs = OutputGroups.order(last.outputs(), arguments.options().grouping());
        outputs.forEach(printer::print);
        try {
            last.get();
            return CellOutcome.nothing();
        } catch (RuntimeException failure) {
            return RemoteErrorReport.of(failure, context.session()::declares, name -> RemoteErrorReport.isClusterHandle(context, name));
        }
    }
}

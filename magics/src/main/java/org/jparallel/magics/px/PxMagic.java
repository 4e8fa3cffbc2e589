package org.jparallel.magics.px;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.jparallel.client.AsyncResult;
import org.jparallel.client.Client;
import org.jparallel.client.ClusterException;
import org.jparallel.client.DirectView;
import org.jparallel.client.EngineOutput;
import org.jparallel.client.ExecuteReply;
import org.jparallel.client.OutputPrinter;
import org.jparallel.client.Targets;
import org.jparallel.magic.Magic;
import org.jparallel.magic.MagicCall;
import org.jparallel.magic.MagicContext;
import org.jparallel.magic.MagicException;
import org.jparallel.magic.MagicKind;
import org.jparallel.magic.MagicUsageException;
import org.jparallel.magics.ParallelSession;
import org.jparallel.repl.CellOutcome;
import org.jparallel.repl.Value;

/**
 * {@code %px CODE} and {@code %%px}: runs Java on the engines of the cluster, streaming their output
 * into the cell as {@code [stdout:N] …}; with {@code -a}, returns the {@code AsyncResult} at once.
 */
public final class PxMagic implements Magic {
    /** The static type {@code _} gets for a non-blocking run, so that {@code _.ready()} compiles. */
    static final String RESULT_TYPE = "org.jparallel.client.AsyncResult<java.util.List<org.jparallel.client.ExecuteReply>>";

    private final ParallelSession parallel;

    public PxMagic(ParallelSession parallel) {
        this.parallel = parallel;
    }

    @Override
    public String name() {
        return "px";
    }

    @Override
    public Set<MagicKind> kinds() {
        return Set.of(MagicKind.LINE, MagicKind.CELL);
    }

    @Override
    public String usage() {
        return "%px [options] CODE      or      %%px [options]\n"
                + "                                CODE...\n"
                + "    Run Java on the engines; each keeps its JShell state between runs.\n"
                + PxArguments.OPTIONS_USAGE;
    }

    @Override
    public CellOutcome run(MagicCall call, MagicContext context) throws MagicUsageException, MagicException {
        PxArguments arguments = PxArguments.parse(call.arguments(), parallel.defaults());
        String code = call.kind() == MagicKind.CELL ? call.body() : arguments.code();
        if (call.kind() == MagicKind.CELL && !arguments.code().isEmpty()) {
            throw new MagicUsageException("unexpected '" + arguments.code() + "' after the options of %%px");
        }
        if (code.isBlank()) {
            throw new MagicUsageException("%px needs code to run");
        }
        return run(code, arguments.options(), context);
    }

    /** Runs code with the given options; {@code %autopx} comes here too. */
    CellOutcome run(String code, PxOptions options, MagicContext context) throws MagicUsageException, MagicException {
        Client client = parallel.client();
        List<Integer> targets;
        try {
            targets = options.targets().resolve(client.ids());
        } catch (ClusterException e) {
            throw new MagicException("NoSuchEngine", e.getMessage());
        }
        if (targets.isEmpty()) {
            throw new MagicException("ClusterError", "the cluster has no engines: wait for them, or add some with "
                    + "%cluster engines -n 4");
        }
        if (options.verbose()) {
            System.out.println("Parallel execution on engines: " + targets);
        }
        DirectView view = options.targets() instanceof Targets.All ? client.all() : client.view(targets);
        AsyncResult<List<ExecuteReply>> result = view.execute(code).label("%px");
        parallel.last(result);
        if (options.out().isPresent()) {
            context.session().define(options.out().get(), RESULT_TYPE, result);
        }
        CellOutcome local = options.local() ? context.runCell(code) : CellOutcome.nothing();
        if (!options.block()) {
            Value value = context.session().bind(result, RESULT_TYPE);
            return new CellOutcome.Success(java.util.Optional.of(value));
        }
        CellOutcome remote = await(result, options, context);
        if (remote instanceof CellOutcome.Success) {
            return local;
        }
        if (!(local instanceof CellOutcome.Success)) {
            // One error is the cell's; the kernel's own would be lost, so it is printed before it.
            System.err.println("--local, in this kernel: " + String.join("\n", errorLines(local)));
        }
        return remote;
    }

    private static List<String> errorLines(CellOutcome failed) {
        if (failed instanceof CellOutcome.CompileError compile) {
            return compile.traceback();
        }
        if (failed instanceof CellOutcome.RuntimeError runtime) {
            return runtime.traceback();
        }
        return List.of("interrupted");
    }

    /**
     * Waits for the engines, showing output as configured. An interrupt stops this cell's code on the engines,
     * queued or running, and nothing else they run (another client's task, an earlier {@code %px -a}), and
     * ends the wait at once: an engine stuck in code that ignores interrupts must not hold the notebook.
     */
    static CellOutcome await(AsyncResult<List<ExecuteReply>> result, PxOptions options, MagicContext context) {
        OutputPrinter printer = OutputPrinter.toSystemStreams(context.display());
        if (options.stream()) {
            // Streams and displays as they come; results once all engines are done, in engine order, as
            // ipyparallel shows them: a notebook's Out[0:3], Out[1:3]… then read the same on every run.
            result.onOutput(output -> {
                if (output.kind() != EngineOutput.Kind.RESULT) {
                    printer.print(output);
                }
            });
        }
        try (AutoCloseable interrupt = context.onInterrupt(() -> result.cancel(true));
             ProgressBar progress = new ProgressBar(result, context.display(), options.progressAfter())) {
            while (!result.waitFor(Duration.ofMillis(100))) {
                progress.update();
            }
            if (result.isCancelled()) {
                return new CellOutcome.Interrupted();
            }
        } catch (Exception e) {
            return new CellOutcome.RuntimeError(e.getClass().getName(), String.valueOf(e.getMessage()),
                    List.of(e.toString()));
        }
        if (options.stream()) {
            result.outputs().stream().filter(output -> output.kind() == EngineOutput.Kind.RESULT)
                    .sorted(Comparator.comparingInt(EngineOutput::engineId)).forEach(printer::print);
        } else {
            OutputGroups.order(result.outputs(), options.grouping()).forEach(printer::print);
        }
        try {
            result.get();
            return CellOutcome.nothing();
        } catch (RuntimeException failure) {
            return RemoteErrorReport.of(failure, context.session()::declares, name -> RemoteErrorReport.isClusterHandle(context, name));
        }
    }
}

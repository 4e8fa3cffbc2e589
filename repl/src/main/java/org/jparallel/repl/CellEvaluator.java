package org.jparallel.repl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.PersistentSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.Snippet.Status;
import jdk.jshell.SnippetEvent;
import jdk.jshell.VarSnippet;
import jdk.jshell.spi.ExecutionControl;
import org.jparallel.repl.CellOutcome.Interrupted;
import org.jparallel.repl.CellOutcome.Success;

/** Evaluates the snippets of a cell in order, stopping at the first that fails. */
final class CellEvaluator {

    static final String TOO_LONG = "constant string too long: a string literal holds at most " + LongLiterals.MAX_BYTES
            + " bytes (UTF-8) in a class file; read the text from a file, or build it at run time (a StringBuilder,"
            + " String.join)";
    static final String NOTHING_DISPLAYED = "_ holds the last displayed value; nothing has been displayed yet";

    private record Declared(DeclarationSnippet snippet, String source, int offset) {
    }

    private final JShell shell;
    private final CellExecutionControl control;
    private final Variables variables;
    private final SnippetOrigins origins;
    private final RuntimeErrors runtimeErrors;
    private final CompiledSnippets compiled;
    private final CellSnippets snippets;
    private final WrapperFrames wrapperFrames;
    private final SessionTypes types;
    private volatile long compileNanos;

    CellEvaluator(JShell shell, CellExecutionControl control, Variables variables, SnippetOrigins origins,
            CompiledSnippets compiled, CellSnippets snippets, SessionTypes types) {
        this.shell = shell;
        this.control = control;
        this.variables = variables;
        this.origins = origins;
        this.runtimeErrors = new RuntimeErrors(shell, origins);
        this.compiled = compiled;
        this.snippets = snippets;
        this.wrapperFrames = new WrapperFrames(shell);
        this.types = types;
    }

    CellOutcome run(RewrittenCell cell, String cellName) {
        CellText text = new CellText(cellName, cell.original());
        CompileErrors compileErrors = new CompileErrors(text, cell);
        if (cell.unboundAt() >= 0) {
            return compileErrors.atOriginal(cell.unboundAt(), NOTHING_DISPLAYED);
        }
        int tooLong = LongLiterals.find(cell.text());
        if (tooLong >= 0) {
            return compileErrors.atOriginal(cell.originalPosition(tooLong), TOO_LONG);
        }
        List<CellSnippets.Part> parts = snippets.split(cell.text());
        List<Declared> declared = new ArrayList<>();
        Snippet last = null;
        for (CellSnippets.Part part : parts) {
            int firstLine = text.lineOf(cell.originalPosition(part.offset()));
            Optional<CompiledSnippets.Compiled> known = compiled.find(part.source());
            if (known.isPresent()) {
                last = known.get().snippet();
                origins.record(last.id(), cellName, firstLine);
                Optional<CellOutcome> failed = runAgain(known.get());
                if (failed.isPresent()) {
                    return failed.get();
                }
                continue;
            }
            control.takeInvokedClass();
            long evalStart = System.nanoTime();
            long ranBefore = control.invokeNanos();
            List<SnippetEvent> events = shell.eval(part.source());
            compileNanos += System.nanoTime() - evalStart - (control.invokeNanos() - ranBefore);
            compiled.learn(part.source(), events, control.takeInvokedClass());
            types.learn(events);
            if (control.stopRequested()) {
                return new Interrupted();
            }
            last = null;
            for (SnippetEvent event : events) {
                if (event.causeSnippet() != null) {
                    updateNote(event).ifPresent(System.err::println); // a dependent snippet JShell updated
                    continue;
                }
                Snippet snippet = event.snippet();
                origins.record(snippet.id(), cellName, firstLine);
                if (event.status() == Status.REJECTED) {
                    return compileErrors.rejected(shell.diagnostics(snippet).toList(), part.offset());
                }
                if (event.exception() != null) {
                    return runtimeErrors.of(event.exception());
                }
                if (snippet instanceof DeclarationSnippet declaration && event.status().isActive()
                        && event.status() != Status.VALID) {
                    Declared unresolved = new Declared(declaration, part.source(), part.offset());
                    if (snippet instanceof VarSnippet) {
                        // Its initializer did not run: later snippets would only fail more obscurely.
                        return unresolved(compileErrors, List.of(unresolved));
                    }
                    declared.add(unresolved); // may be resolved by a later snippet of the cell
                }
                last = snippet;
            }
        }
        // A method or class that refers to something declared later is fine, as in the jshell tool:
        // "Run All" must not stop there. The note says why calling it would fail until then.
        declared.stream()
                .filter(d -> shell.status(d.snippet()).isActive() && shell.status(d.snippet()) != Status.VALID)
                .forEach(d -> System.err.println("note: " + UnresolvedReferences.explain(shell, d.snippet())));
        return new Success(last == null ? Optional.empty() : valueOf(last));
    }

    /**
     * The jshell tool's notes on a variable that a redefinition (of its type, say) made JShell compile again: "update
     * replaced variable e, reset to null" when it compiled, its value the type's default now; "… which cannot be
     * referenced until this error is corrected" when it did not (a {@code var} whose initializer calls a constructor
     * the new type lacks), and the variable is gone until declared again.
     */
    private Optional<String> updateNote(SnippetEvent event) {
        if (!(event.snippet() instanceof VarSnippet variable) || event.previousStatus() != Status.VALID
                || event.status() == Status.OVERWRITTEN) {
            return Optional.empty(); // OVERWRITTEN: declared again (a cell run again), the new one is the variable
        }
        String cause = event.causeSnippet() instanceof PersistentSnippet changed ? changed.name() : "a declaration";
        if (event.status() != Status.VALID) {
            String error = shell.diagnostics(variable).findFirst()
                    .map(d -> ": " + d.getMessage(Locale.ROOT).lines().findFirst().orElse("").replaceAll("[;:]$", ""))
                    .orElse("");
            return Optional.of("note: " + variable.name() + " can no longer be used: " + cause
                    + " changed, and its declaration no longer compiles" + error + "; declare it again");
        }
        String value = switch (variable.typeName()) {
            case "boolean" -> "false";
            case "byte", "short", "char", "int", "long", "float", "double" -> "0";
            default -> "null";
        };
        return Optional.of("note: " + variable.name() + " was reset to " + value + ": " + cause
                + " changed, so its declaration was compiled again");
    }

    /** What user code threw outside a snippet, with its snippet frames named as a cell's error names them. */
    /** How long JShell has spent compiling cells (javac, and its own analysis), in all. */
    long compileNanos() {
        return compileNanos;
    }

    CellOutcome.RuntimeError errorOf(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            t.setStackTrace(wrapperFrames.translate(t.getStackTrace()));
        }
        return runtimeErrors.of(thrown);
    }

    /** Runs a statement or expression compiled before; empty when it completed normally. */
    private Optional<CellOutcome> runAgain(CompiledSnippets.Compiled known) {
        try {
            control.invoke(known.wrapperClass(), "do_it$");
            return Optional.empty();
        } catch (ExecutionControl.StoppedException e) {
            return Optional.of(new Interrupted());
        } catch (ExecutionControl.UserException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                t.setStackTrace(wrapperFrames.translate(t.getStackTrace()));
            }
            return Optional.of(runtimeErrors.of(e));
        } catch (ExecutionControl.ResolutionException e) {
            e.setStackTrace(wrapperFrames.translate(e.getStackTrace()));
            return Optional.of(runtimeErrors.unresolved(e));
        } catch (ExecutionControl.ExecutionControlException e) {
            throw new IllegalStateException("cannot run " + known.snippet().source() + " again", e);
        }
    }

    private CellOutcome unresolved(CompileErrors compileErrors, List<Declared> unresolved) {
        List<String> explanations = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        for (Declared d : unresolved) {
            explanations.add(UnresolvedReferences.explain(shell, d.snippet()));
            List<SourceTokens.Token> tokens = SourceTokens.of(d.source());
            offsets.add(d.offset() + (tokens.isEmpty() ? 0 : tokens.get(0).start()));
        }
        return compileErrors.unresolved(explanations, offsets);
    }

    private Optional<Value> valueOf(Snippet snippet) {
        if (shell.status(snippet) != Status.VALID) {
            return Optional.empty();
        }
        if (snippet instanceof VarSnippet temporary
                && snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
            return Optional.of(new Value(variables.read(temporary), temporary.typeName(), temporary.name()));
        }
        if (snippet instanceof ExpressionSnippet expression) {
            // A bare variable or an assignment: the value is the variable's.
            return variables.named(expression.name())
                    .map(v -> new Value(variables.read(v), expression.typeName(), expression.name()));
        }
        return Optional.empty();
    }
}

package org.jparallel.kernel.handler;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jparallel.display.MimeBundle;
import org.jparallel.display.MimeRenderer;
import org.jparallel.kernel.channel.Channel;
import org.jparallel.kernel.channel.Responder;
import org.jparallel.kernel.history.History;
import org.jparallel.kernel.io.IoPub;
import org.jparallel.kernel.io.RequestScope;
import org.jparallel.kernel.protocol.ExecuteRequest;
import org.jparallel.repl.CellOutcome;
import org.jparallel.repl.CellStoppedException;
import org.jparallel.repl.JavaSession;
import org.jparallel.repl.Value;
import org.jparallel.wire.JsonFields;
import org.jparallel.wire.Message;

/**
 * {@code execute_request}: runs a cell and publishes its input, output, result or error.
 *
 * <p>Output written during the cell is drained before the result, so it shows above it; a failing cell
 * with {@code stop_on_error} aborts the cells queued behind it.
 */
public final class ExecuteHandler implements RequestHandler {
    /** What the handler needs of the notebook: running cells and remembering results. */
    public interface Cells {
        /** Runs a cell; {@code cellName} ({@code In [3]}) is how its errors name it. */
        CellOutcome run(String cell, String cellName);

        void remember(int executionCount, Value value);

        /**
         * A cell's value in every representation the renderer knows: user code (its {@code toString}) that an
         * interrupt stops as it stops the cell's.
         *
         * @throws CellStoppedException when interrupted
         */
        MimeBundle render(Object value);

        /** What user code threw while the kernel rendered a value, as the cell's error. */
        CellOutcome.RuntimeError errorOf(Throwable thrown);
    }

    /** A cell that is only {@code exit}, {@code quit} (IPython's) or {@code /exit} (jshell's). */
    private static final Pattern ASK_EXIT = Pattern.compile("\\s*(?:exit|quit|/exit)\\s*;?\\s*");
    private static final String DISPLAY_PACKAGE = MimeRenderer.class.getPackageName() + ".";

    private final Supplier<Cells> cells;
    private final IoPub iopub;
    private final Responder responder;
    private final RequestScope scope;
    private final History history;
    private final Runnable drainOutput;
    private final Runnable abortQueued;
    private int executionCount;

    public ExecuteHandler(Supplier<Cells> cells, IoPub iopub, Responder responder, RequestScope scope,
                          History history, Runnable drainOutput, Runnable abortQueued) {
        this.cells = cells;
        this.iopub = iopub;
        this.responder = responder;
        this.scope = scope;
        this.history = history;
        this.drainOutput = drainOutput;
        this.abortQueued = abortQueued;
    }

    @Override
    public void handle(Channel channel, Message request) {
        ExecuteRequest execute = ExecuteRequest.from(request.content());
        if (!execute.silent()) {
            // As in IPython, only cells kept in the history advance the count.
            if (execute.storeHistory()) {
                executionCount++;
                history.add(executionCount, execute.code());
            }
            JsonObject input = new JsonObject();
            input.addProperty("code", execute.code());
            input.addProperty("execution_count", executionCount);
            iopub.publish(request, "execute_input", input);
        }
        Cells notebook = cells.get();
        // Frames and compile errors name the cell as the frontend labels it, so a method of an earlier cell is found.
        String cellName = execute.silent() || !execute.storeHistory() ? JavaSession.DEFAULT_CELL_NAME
                : "In [" + executionCount + "]";
        scope.enter(request, execute.allowStdin());
        CellOutcome outcome;
        MimeBundle bundle = null;
        boolean askExit = ASK_EXIT.matcher(execute.code()).matches();
        try {
            // As IPython's exit and quit: the frontend closes (jupyter console asks first); not Java, so never a cell.
            outcome = askExit ? CellOutcome.nothing() : notebook.run(execute.code(), cellName);
            if (outcome instanceof CellOutcome.Success success && success.value().isPresent() && !execute.silent()) {
                // Within the request, so that what toString prints comes before the result, as it ran.
                try {
                    bundle = notebook.render(success.value().get().object());
                } catch (CellStoppedException e) {
                    outcome = new CellOutcome.Interrupted();
                } catch (RuntimeException | StackOverflowError e) {
                    // The value's own toString failed: the user's error, as if the cell had thrown it.
                    outcome = notebook.errorOf(withoutRendererFrames(e));
                }
            }
        } catch (RuntimeException | Error e) {
            // JShell's own failure too (an InternalError of the JVM it called): the notebook shows it as the cell's
            outcome = new CellOutcome.RuntimeError(e.getClass().getName(), String.valueOf(e.getMessage()),
                    List.of(e.toString()));
        } finally {
            drainOutput.run();
            scope.leave();
        }
        JsonObject reply = report(request, execute, notebook, outcome, bundle);
        if (askExit) {
            JsonObject exit = new JsonObject();
            exit.addProperty("source", "ask_exit");
            exit.addProperty("keepkernel", false);
            reply.getAsJsonArray("payload").add(exit);
        }
        responder.reply(channel, request, reply);
        if (reply.get("status").getAsString().equals("error") && execute.stopOnError()) {
            abortQueued.run();
        }
    }

    /** @param bundle the rendered value of a successful cell, or null */
    private JsonObject report(Message request, ExecuteRequest execute, Cells notebook, CellOutcome outcome,
                              MimeBundle bundle) {
        if (outcome instanceof CellOutcome.Success success) {
            if (bundle != null) {
                publishResult(request, execute, notebook, success.value().orElseThrow(), bundle);
            }
            JsonObject reply = JsonFields.ok();
            reply.addProperty("execution_count", executionCount);
            reply.add("user_expressions", userExpressions(execute, notebook));
            reply.add("payload", new JsonArray());
            return reply;
        }
        JsonObject error = errorContent(outcome);
        iopub.publish(request, "error", error);
        JsonObject reply = error.deepCopy();
        reply.addProperty("status", "error");
        reply.addProperty("execution_count", executionCount);
        reply.add("user_expressions", new JsonObject());
        reply.add("payload", new JsonArray());
        return reply;
    }

    /** The frames of a failed rendering down to the user's code: none of the renderer's, nor the kernel's below. */
    private static Throwable withoutRendererFrames(Throwable thrown) {
        StackTraceElement[] frames = thrown.getStackTrace();
        int outermost = frames.length - 1;
        while (outermost >= 0 && !frames[outermost].getClassName().startsWith(DISPLAY_PACKAGE)) {
            outermost--;
        }
        if (outermost >= 0) {
            thrown.setStackTrace(Arrays.stream(frames, 0, outermost)
                    .filter(frame -> !frame.getClassName().startsWith(DISPLAY_PACKAGE))
                    .toArray(StackTraceElement[]::new));
        }
        return thrown;
    }

    private void publishResult(Message request, ExecuteRequest execute, Cells notebook, Value value,
                               MimeBundle bundle) {
        if (bundle.isEmpty()) {
            return; // e.g. the handle display(...) returns: the display itself was the output
        }
        JsonObject result = new JsonObject();
        result.addProperty("execution_count", executionCount);
        result.add("data", bundle.dataJson());
        result.add("metadata", bundle.metadataJson());
        iopub.publish(request, "execute_result", result);
        if (execute.storeHistory()) {
            // A cell kept out of the history shows the count of the one before: it must not take its Out[n].
            notebook.remember(executionCount, value);
            history.output(executionCount, bundle.dataJson().has("text/plain")
                    ? bundle.dataJson().get("text/plain").getAsString() : null);
        }
    }

    private JsonObject userExpressions(ExecuteRequest execute, Cells notebook) {
        JsonObject results = new JsonObject();
        for (Map.Entry<String, ?> entry : execute.userExpressions().entrySet()) {
            String expression = execute.userExpressions().get(entry.getKey()).getAsString();
            CellOutcome outcome = notebook.run(expression, JavaSession.DEFAULT_CELL_NAME);
            MimeBundle bundle = null;
            if (outcome instanceof CellOutcome.Success success) {
                try {
                    bundle = notebook.render(success.value().map(Value::object).orElse(null));
                } catch (CellStoppedException e) {
                    outcome = new CellOutcome.Interrupted();
                } catch (RuntimeException | StackOverflowError e) {
                    outcome = notebook.errorOf(withoutRendererFrames(e));
                }
            }
            JsonObject result;
            if (bundle != null) {
                result = JsonFields.ok();
                result.add("data", bundle.dataJson());
                result.add("metadata", bundle.metadataJson());
            } else {
                result = errorContent(outcome);
                result.addProperty("status", "error");
            }
            results.add(entry.getKey(), result);
        }
        return results;
    }

    /** The {@code ename}, {@code evalue} and {@code traceback} of a failed cell. */
    static JsonObject errorContent(CellOutcome outcome) {
        String ename;
        String evalue;
        List<String> traceback;
        if (outcome instanceof CellOutcome.CompileError compile) {
            ename = "CompileError";
            evalue = compile.message();
            traceback = compile.traceback();
        } else if (outcome instanceof CellOutcome.RuntimeError runtime) {
            ename = runtime.exceptionClass();
            evalue = runtime.message();
            traceback = runtime.traceback();
        } else {
            ename = "Interrupted";
            evalue = "the cell was interrupted";
            traceback = List.of("Interrupted: the cell was interrupted; the session keeps its state");
        }
        JsonObject content = new JsonObject();
        content.addProperty("ename", ename);
        content.addProperty("evalue", evalue == null ? "" : evalue);
        content.add("traceback", JsonFields.strings(traceback));
        return content;
    }
}

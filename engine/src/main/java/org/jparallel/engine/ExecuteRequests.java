package org.jparallel.engine;

import com.google.gson.JsonObject;
import org.jparallel.display.MimeBundle;
import org.jparallel.repl.CellOutcome;
import org.jparallel.repl.CellStoppedException;
import org.jparallel.repl.Value;
import org.jparallel.wire.JsonFields;
import org.jparallel.wire.Message;

/**
 * {@code execute_request}: runs Java source in the engine's session, publishing the value of a
 * final expression as {@code execute_result} and a failure as {@code error}.
 */
final class ExecuteRequests {
    private final SessionSlot session;
    private final Outbound outbound;
    private final Runnable drainOutput;
    private int executionCount;

    ExecuteRequests(SessionSlot session, Outbound outbound, Runnable drainOutput) {
        this.session = session;
        this.outbound = outbound;
        this.drainOutput = drainOutput;
    }

    Reply execute(Message request) {
        String code = JsonFields.string(request.content(), "code", "");
        boolean silent = request.content().has("silent") && request.content().get("silent").getAsBoolean();
        EngineSession engineSession = session.get();
        int count = silent ? executionCount : ++executionCount;
        CellOutcome outcome;
        MimeBundle bundle = null;
        try {
            outcome = session.takeStopWhenOpen() ? new CellOutcome.Interrupted()
                    : engineSession.run(code, "In [" + count + "]");
            if (outcome instanceof CellOutcome.Success success && success.value().isPresent() && !silent) {
                Object value = success.value().get().object();
                try {
                    bundle = engineSession.renderValue(value);
                } catch (CellStoppedException e) {
                    outcome = new CellOutcome.Interrupted();
                } catch (RuntimeException | StackOverflowError e) {
                    outcome = engineSession.java().errorOf(e); // the value's own toString failed
                }
            }
        } catch (RuntimeException e) {
            outcome = new CellOutcome.RuntimeError(e.getClass().getName(), e.getMessage(),
                    java.util.List.of(e.toString()));
        } finally {
            drainOutput.run(); // printed text shows above the result
        }
        JsonObject content;
        if (outcome instanceof CellOutcome.Success success) {
            if (bundle != null) {
                publishResult(request, engineSession, success.value().orElseThrow(), bundle, count);
            }
            content = new JsonObject();
            content.addProperty("status", "ok");
        } else {
            content = ErrorContent.of(outcome);
            JsonObject error = content.deepCopy();
            error.remove("status");
            outbound.output(request, "error", error);
        }
        content.addProperty("execution_count", count);
        return new Reply(content, java.util.List.of());
    }

    private void publishResult(Message request, EngineSession engineSession, Value value, MimeBundle bundle,
                               int count) {
        if (bundle.isEmpty()) {
            return; // e.g. the handle display(...) returns: the display itself was the output
        }
        JsonObject result = new JsonObject();
        result.addProperty("execution_count", count);
        result.add("data", bundle.dataJson());
        result.add("metadata", bundle.metadataJson());
        outbound.output(request, "execute_result", result);
        engineSession.java().remember(value);
    }

}

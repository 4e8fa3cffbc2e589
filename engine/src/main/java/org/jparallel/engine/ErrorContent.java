package org.jparallel.engine;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.jparallel.repl.CellOutcome;
import org.jparallel.repl.SnippetNames;

/**
 * The {@code ename}, {@code evalue} and {@code traceback} of what failed on an engine, with the types cells
 * declared named as the cells name them ({@code MyErr}, not {@code REPL.$JShell$36$MyErr}).
 */
final class ErrorContent {
    private ErrorContent() {
    }

    static JsonObject of(CellOutcome outcome) {
        if (outcome instanceof CellOutcome.CompileError compile) {
            return of("CompileError", compile.message(), compile.traceback());
        }
        if (outcome instanceof CellOutcome.RuntimeError runtime) {
            return of(runtime.exceptionClass(), runtime.message(), runtime.traceback());
        }
        return of("Interrupted", "the code was interrupted",
                List.of("Interrupted: the code was interrupted; the engine keeps its state"));
    }

    static JsonObject of(Throwable thrown) {
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        return of(thrown.getClass().getName(), thrown.getMessage(), trace.toString().lines().toList());
    }

    static JsonObject of(String ename, String evalue, List<String> traceback) {
        JsonObject content = new JsonObject();
        content.addProperty("status", "error");
        content.addProperty("ename", SnippetNames.readable(ename));
        content.addProperty("evalue", evalue == null ? "" : SnippetNames.readable(evalue));
        JsonArray lines = new JsonArray();
        traceback.forEach(line -> lines.add(SnippetNames.readable(line)));
        content.add("traceback", lines);
        return content;
    }
}

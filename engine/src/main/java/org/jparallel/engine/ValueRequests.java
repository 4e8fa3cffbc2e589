package org.jparallel.engine;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jparallel.repl.CellOutcome;
import org.jparallel.repl.JavaSession;
import org.jparallel.wire.Message;

/**
 * {@code apply_request}, {@code push_request} and {@code pull_request}: the requests whose values
 * travel as buffers of the values codec.
 */
final class ValueRequests {
    private final SessionSlot session;
    private final Values values;

    ValueRequests(SessionSlot session, Values values) {
        this.session = session;
        this.values = values;
    }

    /** Calls the function with its arguments; its result, or what it threw, goes back in the reply. */
    Reply apply(Message request) {
        EngineSession engineSession = session.get();
        Object result;
        try {
            result = values.call(engineSession, request.buffers());
        } catch (Exception | LinkageError | StackOverflowError e) {
            return Reply.error(ErrorContent.of(e));
        }
        try {
            return Reply.ok(values.encode(engineSession, result));
        } catch (RuntimeException e) {
            return Reply.error(ErrorContent.of(e.getClass().getName(), "the result of type "
                    + (result == null ? "null" : result.getClass().getName()) + " cannot be sent back: "
                    + e.getMessage(), List.of(e.toString())));
        }
    }

    /** Defines one JShell variable per pushed value, typed so that cells can use it. */
    Reply push(Message request) {
        EngineSession engineSession = session.get();
        JavaSession java = engineSession.java();
        try {
            Map<String, Object> pushed = values.decodeNamed(engineSession, request.buffers());
            for (Map.Entry<String, Object> entry : pushed.entrySet()) {
                Object value = entry.getValue();
                java.define(entry.getKey(), TypeNames.usable(value, engineSession.visibleClasses()), value);
            }
            return Reply.ok();
        } catch (RuntimeException e) {
            return Reply.error(ErrorContent.of(e));
        }
    }

    /** The values of the named JShell variables, as named values. */
    Reply pull(Message request) {
        EngineSession engineSession = session.get();
        JavaSession java = engineSession.java();
        Map<String, Object> pulled = new LinkedHashMap<>();
        for (String name : names(request)) {
            Optional<Object> value = java.variable(name);
            if (value.isEmpty() && !declared(java, name)) {
                return Reply.error(ErrorContent.of("NoSuchVariableException", "no variable named " + name
                        + " on this engine; define it first, e.g. with push or execute", List.of()));
            }
            pulled.put(name, value.orElse(null));
        }
        try {
            return Reply.ok(values.encodeNamed(engineSession, pulled));
        } catch (RuntimeException e) {
            return Reply.error(ErrorContent.of(e));
        }
    }

    private static boolean declared(JavaSession java, String name) {
        // variable() is empty both for "no such variable" and "holds null"; a declared name compiles.
        return name.matches("[\\p{L}_$][\\p{L}\\p{N}_$]*") && java.eval(name + " == null") instanceof CellOutcome.Success;
    }

    private static List<String> names(Message request) {
        JsonElement names = request.content().get("names");
        List<String> result = new ArrayList<>();
        if (names instanceof JsonArray array) {
            array.forEach(name -> result.add(name.getAsString()));
        }
        return result;
    }
}

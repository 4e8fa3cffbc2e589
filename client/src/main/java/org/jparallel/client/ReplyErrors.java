package org.jparallel.client;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.jparallel.wire.Message;

/** Reads a failed reply ({@code status: error | aborted}) into the error a user catches. */
final class ReplyErrors {
    private ReplyErrors() {
    }

    static RemoteError of(int engineId, String method, Message reply) {
        return of(engineId, method, reply, ReplyReader.NOTHING);
    }

    /** As {@link #of(int, String, Message)}, with the exception the reply carries read by {@code thrown}. */
    static RemoteError of(int engineId, String method, Message reply, ReplyReader thrown) {
        JsonObject content = reply.content();
        if ("aborted".equals(OutputMessages.string(content, "status"))) {
            return new TaskAbortedError(engineId, method);
        }
        String ename = OutputMessages.string(content, "ename");
        String evalue = OutputMessages.string(content, "evalue");
        switch (ename) {
            case "EngineError":
                return new EngineError(engineId, method, evalue);
            case "ImpossibleDependency":
                return new ImpossibleDependency(engineId, method, evalue);
            case "DependencyTimeout":
                return new DependencyTimeout(engineId, method, evalue);
            case "TaskTimeout":
                return new TaskTimeout(engineId, method, evalue);
            case "InvalidDependency":
                return new InvalidDependency(engineId, method, evalue);
            default:
                break;
        }
        RemoteError error = new RemoteError(engineId, method, ename.isEmpty() ? "UnknownError" : ename, evalue,
                traceback(content));
        if (!reply.buffers().isEmpty()) {
            error.thrownBy(() -> thrown.read(reply, List.of()));
        }
        return error;
    }

    private static List<String> traceback(JsonObject content) {
        List<String> lines = new ArrayList<>();
        JsonElement traceback = content.get("traceback");
        if (traceback instanceof JsonArray array) {
            array.forEach(line -> lines.add(line.isJsonPrimitive() ? line.getAsString() : line.toString()));
        }
        return lines;
    }
}

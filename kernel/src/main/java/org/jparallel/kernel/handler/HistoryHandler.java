package org.jparallel.kernel.handler;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import org.jparallel.kernel.channel.Channel;
import org.jparallel.kernel.channel.Responder;
import org.jparallel.kernel.history.History;
import org.jparallel.wire.JsonFields;
import org.jparallel.wire.Message;

/** {@code history_request}: {@code tail}, {@code range} and {@code search} over this kernel's inputs. */
public final class HistoryHandler implements RequestHandler {
    private final History history;
    private final Responder responder;

    public HistoryHandler(History history, Responder responder) {
        this.history = history;
        this.responder = responder;
    }

    @Override
    public void handle(Channel channel, Message request) {
        JsonObject content = request.content();
        boolean withOutput = JsonFields.bool(content, "output", false);
        List<History.Entry> entries = switch (JsonFields.string(content, "hist_access_type", "tail")) {
            case "range" -> history.range(JsonFields.integer(content, "session", 0), JsonFields.integer(content, "start", 0),
                    JsonFields.integer(content, "stop", 0));
            case "search" -> history.search(JsonFields.string(content, "pattern", "*"), JsonFields.integer(content, "n", 0),
                    JsonFields.bool(content, "unique", false));
            default -> history.tail(JsonFields.integer(content, "n", 10));
        };
        JsonArray tuples = new JsonArray();
        for (History.Entry entry : entries) {
            JsonArray tuple = new JsonArray();
            tuple.add(entry.session());
            tuple.add(entry.line());
            if (withOutput) {
                JsonArray inOut = new JsonArray();
                inOut.add(entry.input());
                inOut.add(entry.output());
                tuple.add(inOut);
            } else {
                tuple.add(entry.input());
            }
            tuples.add(tuple);
        }
        JsonObject reply = JsonFields.ok();
        reply.add("history", tuples);
        responder.reply(channel, request, reply);
    }
}

package org.jparallel.kernel.handler;

import com.google.gson.JsonObject;
import java.util.function.Supplier;
import org.jparallel.kernel.channel.Channel;
import org.jparallel.kernel.channel.Responder;
import org.jparallel.wire.JsonFields;
import org.jparallel.repl.Completeness;
import org.jparallel.repl.JavaSession;
import org.jparallel.wire.Message;

/**
 * {@code is_complete_request}: whether a console should run the input or wait for more lines.
 * A line magic is complete; a cell magic waits for an empty line.
 */
public final class IsCompleteHandler implements RequestHandler {
    private final Supplier<JavaSession> session;
    private final Responder responder;

    public IsCompleteHandler(Supplier<JavaSession> session, Responder responder) {
        this.session = session;
        this.responder = responder;
    }

    @Override
    public void handle(Channel channel, Message request) {
        String code = JsonFields.string(request.content(), "code", "");
        JsonObject reply = new JsonObject();
        String stripped = code.stripLeading();
        if (stripped.startsWith("%%")) {
            boolean endsWithEmptyLine = code.endsWith("\n\n");
            reply.addProperty("status", endsWithEmptyLine ? "complete" : "incomplete");
            if (!endsWithEmptyLine) {
                reply.addProperty("indent", "");
            }
        } else if (stripped.startsWith("%") && !stripped.contains("\n")) {
            reply.addProperty("status", "complete");
        } else {
            Completeness completeness = session.get().isComplete(code);
            reply.addProperty("status", completeness.status());
            if (completeness.status().equals("incomplete")) {
                reply.addProperty("indent", completeness.indent());
            }
        }
        responder.reply(channel, request, reply);
    }
}

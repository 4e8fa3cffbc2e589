package org.jparallel.kernel.handler;

import com.google.gson.JsonObject;
import java.util.Optional;
import java.util.function.Supplier;
import org.jparallel.kernel.channel.Channel;
import org.jparallel.kernel.channel.Responder;
import org.jparallel.wire.JsonFields;
import org.jparallel.magic.MagicRegistry;
import org.jparallel.repl.JavaSession;
import org.jparallel.wire.Message;

/** {@code inspect_request}: the signature and Javadoc of the symbol under the cursor, or a magic's usage. */
public final class InspectionHandler implements RequestHandler {
    private final Supplier<JavaSession> session;
    private final MagicRegistry magics;
    private final Responder responder;

    public InspectionHandler(Supplier<JavaSession> session, MagicRegistry magics, Responder responder) {
        this.session = session;
        this.magics = magics;
        this.responder = responder;
    }

    @Override
    public void handle(Channel channel, Message request) {
        String code = JsonFields.string(request.content(), "code", "");
        int cursor = CodePoints.toIndex(code, JsonFields.integer(request.content(), "cursor_pos", code.length()));
        int detail = JsonFields.integer(request.content(), "detail_level", 0);
        Optional<String> text = magicUsage(code, cursor).or(() -> session.get().inspect(code, cursor, detail));
        JsonObject reply = JsonFields.ok();
        reply.addProperty("found", text.isPresent());
        JsonObject data = new JsonObject();
        text.ifPresent(t -> data.addProperty("text/plain", t));
        reply.add("data", data);
        reply.add("metadata", new JsonObject());
        responder.reply(channel, request, reply);
    }

    private Optional<String> magicUsage(String code, int cursor) {
        int lineStart = code.lastIndexOf('\n', Math.max(0, cursor - 1)) + 1;
        int lineEnd = code.indexOf('\n', lineStart);
        String line = code.substring(lineStart, lineEnd < 0 ? code.length() : lineEnd);
        if (!line.startsWith("%")) {
            return Optional.empty();
        }
        String name = line.replaceFirst("^%%?", "").split("\\s+", 2)[0].replace("?", "");
        return magics.find(name).map(m -> m.usage());
    }
}

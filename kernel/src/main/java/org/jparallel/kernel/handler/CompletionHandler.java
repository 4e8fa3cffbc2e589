package org.jparallel.kernel.handler;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.function.Supplier;
import org.jparallel.kernel.channel.Channel;
import org.jparallel.kernel.channel.Responder;
import org.jparallel.wire.JsonFields;
import org.jparallel.magic.Magic;
import org.jparallel.magic.MagicKind;
import org.jparallel.magic.MagicRegistry;
import org.jparallel.repl.Completion;
import org.jparallel.repl.JavaSession;
import org.jparallel.wire.Message;

/**
 * {@code complete_request}: magic names after {@code %}, otherwise JShell's suggestions.
 *
 * <p>Jupyter counts cursor positions in Unicode code points, Java strings in UTF-16 units; the
 * conversion keeps completions right after an emoji or other supplementary character.
 */
public final class CompletionHandler implements RequestHandler {
    private final Supplier<JavaSession> session;
    private final MagicRegistry magics;
    private final Responder responder;

    public CompletionHandler(Supplier<JavaSession> session, MagicRegistry magics, Responder responder) {
        this.session = session;
        this.magics = magics;
        this.responder = responder;
    }

    @Override
    public void handle(Channel channel, Message request) {
        String code = JsonFields.string(request.content(), "code", "");
        int cursor = CodePoints.toIndex(code, JsonFields.integer(request.content(), "cursor_pos", code.length()));
        Completion completion = magicCompletion(code, cursor);
        if (completion == null) {
            completion = session.get().complete(code, cursor);
        }
        JsonObject reply = JsonFields.ok();
        reply.add("matches", JsonFields.strings(completion.matches()));
        reply.addProperty("cursor_start", CodePoints.fromIndex(code, completion.cursorStart()));
        reply.addProperty("cursor_end", CodePoints.fromIndex(code, completion.cursorEnd()));
        reply.add("metadata", new JsonObject());
        responder.reply(channel, request, reply);
    }

    /** Completes {@code %na|} to magic names when the cursor's line starts with a magic. */
    private Completion magicCompletion(String code, int cursor) {
        int lineStart = code.lastIndexOf('\n', cursor - 1) + 1;
        String line = code.substring(lineStart, cursor);
        if (!line.startsWith("%") || line.contains(" ")) {
            return null;
        }
        MagicKind kind = line.startsWith("%%") ? MagicKind.CELL : MagicKind.LINE;
        String typed = line.substring(kind.prefix().length());
        List<String> matches = magics.all().stream()
                .filter(m -> m.kinds().contains(kind) && m.name().startsWith(typed))
                .map(Magic::name)
                .map(name -> kind.prefix() + name)
                .toList();
        return new Completion(matches, lineStart, cursor);
    }
}

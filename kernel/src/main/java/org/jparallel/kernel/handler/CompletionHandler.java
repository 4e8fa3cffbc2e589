package org.jparallel.kernel.handler;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.function.Supplier;
import java.util.stream.Stream;
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

    /**
     * Completes {@code %na|} to magic names when the cursor's line starts with a magic, and, after the name, an
     * option ({@code %px -|}) or a first word ({@code %cluster st|}) to those the magic's usage shows.
     */
    private Completion magicCompletion(String code, int cursor) {
        int lineStart = code.lastIndexOf('\n', cursor - 1) + 1;
        String line = code.substring(lineStart, cursor);
        if (!line.startsWith("%")) {
            return null;
        }
        if (line.contains(" ")) {
            return magicArgument(line, lineStart);
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

    private static final Pattern OPTION = Pattern.compile("(?<![\\w-])--?[A-Za-z][\\w-]*");

    /** An option or first word of the magic the line starts with, from its usage; null when there is none to offer. */
    private Completion magicArgument(String line, int lineStart) {
        String[] words = line.split(" ", -1);
        String name = words[0].replaceFirst("^%%?", "");
        String typed = words[words.length - 1];
        Optional<Magic> magic = magics.find(name);
        if (magic.isEmpty()) {
            return null;
        }
        String usage = magic.get().usage().replaceAll("\"[^\"]*\"", ""); // not the options of examples in quotes
        Stream<String> candidates;
        if (typed.startsWith("-")) {
            candidates = OPTION.matcher(usage).results().map(MatchResult::group);
        } else if (words.length == 2) {
            Pattern firstWord = Pattern.compile("(?m)^%%?" + Pattern.quote(name) + " ([a-z][a-z-]*)\\b");
            candidates = firstWord.matcher(usage).results().map(m -> m.group(1));
        } else {
            return null;
        }
        List<String> matches = candidates.filter(c -> c.startsWith(typed)).distinct().toList();
        if (matches.isEmpty()) {
            return null; // Java after the magic (%px String.val|) completes as Java does
        }
        int wordStart = lineStart + line.length() - typed.length();
        return new Completion(matches, wordStart, lineStart + line.length());
    }
}

package org.jparallel.kernel.handler;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.jparallel.kernel.channel.Channel;
import org.jparallel.kernel.channel.Responder;
import org.jparallel.wire.JsonFields;
import org.jparallel.wire.Header;
import org.jparallel.wire.Message;

/** {@code kernel_info_request}: who we are, answered at once, before JShell has warmed up. */
public final class KernelInfoHandler implements RequestHandler {
    /** The implementation's version, from the jar's manifest when packaged. */
    public static final String VERSION = versionOf();

    private final Responder responder;

    public KernelInfoHandler(Responder responder) {
        this.responder = responder;
    }

    private static String versionOf() {
        String v = KernelInfoHandler.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0" : v;
    }

    @Override
    public void handle(Channel channel, Message request) {
        responder.reply(channel, request, content());
    }

    public static JsonObject content() {
        String java = System.getProperty("java.version");
        JsonObject language = new JsonObject();
        language.addProperty("name", "java");
        language.addProperty("version", java);
        language.addProperty("mimetype", "text/x-java");
        language.addProperty("file_extension", ".java");
        language.addProperty("pygments_lexer", "java");
        language.addProperty("codemirror_mode", "text/x-java");

        JsonObject link = new JsonObject();
        link.addProperty("text", "Java " + Runtime.version().feature() + " API");
        link.addProperty("url", "https://docs.oracle.com/en/java/javase/" + Runtime.version().feature()
                + "/docs/api/");
        JsonArray links = new JsonArray();
        links.add(link);

        JsonObject content = JsonFields.ok();
        content.addProperty("protocol_version", Header.PROTOCOL_VERSION);
        content.addProperty("implementation", "jparallel");
        content.addProperty("implementation_version", VERSION);
        content.add("language_info", language);
        content.addProperty("banner", "Java " + java + " on JShell (jparallel " + VERSION
                + "). %lsmagic lists the magics.");
        content.add("help_links", links);
        content.addProperty("debugger", false);
        return content;
    }
}

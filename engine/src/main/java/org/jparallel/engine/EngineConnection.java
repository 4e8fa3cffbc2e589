package org.jparallel.engine;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jparallel.wire.ConnectionFileException;
import org.jparallel.wire.ListenAddress;
import org.jparallel.wire.PrivateFile;

/**
 * The engine connection file ({@code security/engine.json}): where an engine finds its controller
 * and how messages are signed.
 *
 * <pre>{@code
 * EngineConnection connection = EngineConnection.read(Path.of("engine.json"));
 * LinkClient.connect(connection.address(), "engine", frames -> handle(frames));   // 127.0.0.1:40123
 * }</pre>
 *
 * @param controllerPid the controller's pid: an engine exits when that process ends
 */
public record EngineConnection(String transport, String ip, int enginePort, String key, String signatureScheme,
                               String profile, long controllerPid) {

    /** @throws ConnectionFileException with a one-line reason when the file is missing or broken */
    public static EngineConnection read(Path file) throws ConnectionFileException {
        try {
            JsonElement parsed = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
            if (!parsed.isJsonObject()) {
                throw new ConnectionFileException("engine connection file " + file + " is not a JSON object");
            }
            JsonObject json = parsed.getAsJsonObject();
            if (!json.has("engine_port") || !json.has("key")) {
                throw new ConnectionFileException("engine connection file " + file + " lacks engine_port or key");
            }
            return new EngineConnection(text(json, "transport", "tcp"), text(json, "ip", "127.0.0.1"),
                    json.get("engine_port").getAsInt(), text(json, "key", ""),
                    text(json, "signature_scheme", "hmac-sha256"), text(json, "profile", "default"),
                    json.has("controller_pid") ? json.get("controller_pid").getAsLong() : -1);
        } catch (IOException e) {
            throw new ConnectionFileException("cannot read engine connection file " + file + ": " + e.getMessage());
        } catch (JsonParseException | IllegalStateException | NumberFormatException e) {
            throw new ConnectionFileException("engine connection file " + file + " is not valid: " + e.getMessage());
        }
    }

    /** Writes the file readable by its owner only (mode 0600). */
    public void write(Path file) throws IOException {
        PrivateFile.write(file, toJson().toString());
    }

    /** The ZeroMQ endpoint of the controller's engine socket. */
    /** Where the controller listens for engines. */
    public InetSocketAddress address() {
        return ListenAddress.reachable(ip, enginePort);
    }

    public JsonObject toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("ip", ip);
        json.addProperty("engine_port", enginePort);
        json.addProperty("key", key);
        json.addProperty("signature_scheme", signatureScheme);
        json.addProperty("transport", transport);
        json.addProperty("profile", profile);
        json.addProperty("controller_pid", controllerPid);
        return json;
    }

    private static String text(JsonObject json, String name, String fallback) {
        JsonElement e = json.get(name);
        return e == null || e.isJsonNull() ? fallback : e.getAsString();
    }
}

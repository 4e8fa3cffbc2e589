package org.jparallel.engine;

import static org.jparallel.wire.JsonFields.string;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jparallel.wire.ClusterHost;
import org.jparallel.wire.ConnectionFileException;
import org.jparallel.wire.ListenAddress;
import org.jparallel.wire.PrivateFile;
import org.jparallel.wire.SocketFiles;

/**
 * The engine connection file ({@code security/engine.json}): where an engine finds its controller
 * and how messages are signed.
 *
 * <pre>{@code
 * EngineConnection connection = EngineConnection.read(Path.of("engine.json"));
 * LinkClient.connect(connection.addresses(), "engine", frames -> handle(frames));   // engine.sock, 127.0.0.1:40123
 * }</pre>
 *
 * <p>An engine may run on another host than its controller's, started there with a copy of the file: it
 * reads the controller's pid and socket file as absent then, and reaches a controller that listens on every
 * interface at the location the file gives.
 *
 * @param controllerPid the controller's pid, on this host: an engine exits when that process ends; -1 when the
 *                      controller runs on another host (the engine goes by its heartbeats alone)
 * @param unixSocket    the controller's Unix domain socket for engines on its host, or empty (and on others)
 * @param host          the id of the controller's host ({@link ClusterHost#id()}), or empty when not known
 * @param location      where other hosts reach the controller when it listens on every interface
 */
public record EngineConnection(String transport, String ip, int enginePort, String key, String signatureScheme,
                               String profile, long controllerPid, String unixSocket, String host,
                               String location) {

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
            String host = string(json, "host", "");
            boolean controllersHost = ClusterHost.isCurrent(host);
            return new EngineConnection(string(json, "transport", "tcp"), string(json, "ip", "127.0.0.1"),
                    json.get("engine_port").getAsInt(), string(json, "key", ""),
                    string(json, "signature_scheme", "hmac-sha256"), string(json, "profile", "default"),
                    json.has("controller_pid") && controllersHost ? json.get("controller_pid").getAsLong() : -1,
                    controllersHost ? string(json, "unix_socket", "") : "", host, string(json, "location", ""));
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

    /** Where the controller listens for engines over TCP. */
    public InetSocketAddress address() {
        return ListenAddress.reachable(ip, enginePort, host, location);
    }

    /** Where an engine tries to reach the controller, in order: its socket file, then TCP. */
    public List<SocketAddress> addresses() {
        return SocketFiles.socketFileFirst(unixSocket, address());
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
        if (!unixSocket.isEmpty()) {
            json.addProperty("unix_socket", unixSocket);
        }
        json.addProperty("host", host);
        json.addProperty("location", location);
        return json;
    }

}

package org.jparallel.controller.profile;

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
 * The client connection file ({@code security/client.json}): where clients reach a controller.
 *
 * <pre>{@code
 * ClientConnection c = ClientConnection.read(dir.clientFile());
 * LinkClient.connect(c.clientAddresses(), "client", frames -> handle(frames));
 * }</pre>
 *
 * @param controllerPid the controller's pid on this host; -1 when it runs on another
 * @param unixSocket    the controller's Unix domain socket for clients on its host, or empty (and on others)
 * @param host          the id of the controller's host ({@link ClusterHost#id()}), or empty when not known
 * @param location      where other hosts reach the controller when it listens on every interface
 */
public record ClientConnection(String transport, String ip, int clientPort, int enginePort, String key,
                               String signatureScheme, String profile, long controllerPid, String unixSocket,
                               String host, String location) {

    public static ClientConnection read(Path file) throws ConnectionFileException {
        try {
            JsonElement parsed = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
            if (!parsed.isJsonObject() || !parsed.getAsJsonObject().has("client_port")) {
                throw new ConnectionFileException("client connection file " + file + " lacks client_port");
            }
            JsonObject json = parsed.getAsJsonObject();
            String host = string(json, "host", "");
            boolean controllersHost = ClusterHost.isCurrent(host);
            return new ClientConnection(string(json, "transport", "tcp"), string(json, "ip", "127.0.0.1"),
                    json.get("client_port").getAsInt(),
                    json.has("engine_port") ? json.get("engine_port").getAsInt() : -1,
                    string(json, "key", ""), string(json, "signature_scheme", "hmac-sha256"),
                    string(json, "profile", ProfileDir.DEFAULT_PROFILE),
                    json.has("controller_pid") && controllersHost ? json.get("controller_pid").getAsLong() : -1,
                    controllersHost ? string(json, "unix_socket", "") : "", host, string(json, "location", ""));
        } catch (IOException e) {
            throw new ConnectionFileException("cannot read client connection file " + file + ": " + e.getMessage());
        } catch (JsonParseException | IllegalStateException | NumberFormatException e) {
            throw new ConnectionFileException("client connection file " + file + " is not valid: " + e.getMessage());
        }
    }

    public void write(Path file) throws IOException {
        PrivateFile.write(file, toJson().toString());
    }

    /** Where the controller listens for clients over TCP. */
    public InetSocketAddress clientAddress() {
        return ListenAddress.reachable(ip, clientPort, host, location);
    }

    /** Where a client tries to reach the controller, in order: its socket file, then TCP. */
    public List<SocketAddress> clientAddresses() {
        return SocketFiles.socketFileFirst(unixSocket, clientAddress());
    }

    public JsonObject toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("ip", ip);
        json.addProperty("client_port", clientPort);
        json.addProperty("key", key);
        json.addProperty("signature_scheme", signatureScheme);
        json.addProperty("transport", transport);
        json.addProperty("profile", profile);
        json.addProperty("controller_pid", controllerPid);
        json.addProperty("engine_port", enginePort);
        if (!unixSocket.isEmpty()) {
            json.addProperty("unix_socket", unixSocket);
        }
        json.addProperty("host", host);
        json.addProperty("location", location);
        return json;
    }

}

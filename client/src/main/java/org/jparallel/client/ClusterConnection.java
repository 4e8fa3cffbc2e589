package org.jparallel.client;

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
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jparallel.wire.ClusterHost;
import org.jparallel.wire.ListenAddress;
import org.jparallel.wire.SocketFiles;

/**
 * A cluster's client connection file ({@code security/client.json}): where the controller listens for
 * clients and how messages are signed.
 *
 * <pre>{@code
 * ClusterConnection c = ClusterConnection.read(ClusterProfile.named("default").clientFile(), "default");
 * c.clientAddress();   // /127.0.0.1:41234
 * }</pre>
 *
 * @param ip              the controller's address
 * @param clientPort      the port of its client socket
 * @param enginePort      the port of its engine socket
 * @param key             the HMAC key; empty disables signing
 * @param signatureScheme e.g. {@code hmac-sha256}
 * @param transport       {@code tcp}
 * @param profile         the profile's name
 * @param controllerPid   the controller's process id on this host, or 0 when not known or on another host
 * @param unixSocket      the controller's Unix domain socket for clients on its host, or empty: a client
 *                        there connects to it before trying TCP (one on another host never does)
 * @param host            the id of the controller's host ({@link ClusterHost#id()}), or empty when not known
 * @param location        where other hosts reach the controller when it listens on every interface
 */
public record ClusterConnection(String ip, int clientPort, int enginePort, String key, String signatureScheme,
                                String transport, String profile, long controllerPid, String unixSocket,
                                String host, String location) {

    /**
     * Reads a client connection file.
     *
     * @throws NoClusterException when the file does not exist
     * @throws ClusterException   when it cannot be read or is not a client connection file
     */
    public static ClusterConnection read(Path file, String profileName) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new NoClusterException(profileName, "no connection file " + file);
        } catch (IOException e) {
            throw new ClusterException("cannot read the connection file " + file + ": " + e.getMessage()
                    + ": check its permissions");
        }
        try {
            JsonElement parsed = JsonParser.parseString(text);
            if (!parsed.isJsonObject()) {
                throw new ClusterException("connection file " + file + " is not a JSON object" + restart(profileName));
            }
            JsonObject json = parsed.getAsJsonObject();
            String host = string(json, "host", "");
            boolean controllersHost = ClusterHost.isCurrent(host);
            return new ClusterConnection(
                    string(json, "ip", "127.0.0.1"),
                    port(json, "client_port", file, profileName),
                    json.has("engine_port") ? port(json, "engine_port", file, profileName) : 0,
                    string(json, "key", ""),
                    string(json, "signature_scheme", "hmac-sha256"),
                    string(json, "transport", "tcp"),
                    string(json, "profile", profileName),
                    json.has("controller_pid") && controllersHost ? json.get("controller_pid").getAsLong() : 0,
                    controllersHost ? string(json, "unix_socket", "") : "", host, string(json, "location", ""));
        } catch (JsonParseException | IllegalStateException | NumberFormatException | UnsupportedOperationException e) {
            throw new ClusterException("connection file " + file + " is not valid: " + e.getMessage()
                    + restart(profileName));
        }
    }

    /** Where the controller listens for clients over TCP. */
    public InetSocketAddress clientAddress() {
        return ListenAddress.reachable(ip, clientPort, host, location);
    }

    /** Where this client tries to reach the controller, in order: its socket file, then TCP. */
    public List<SocketAddress> clientAddresses() {
        return SocketFiles.socketFileFirst(unixSocket, clientAddress());
    }

    /** The controller's process when it runs on this host and is alive; empty when it is known to be gone. */
    Optional<ProcessHandle> controllerProcess() {
        return controllerPid <= 0 ? Optional.empty() : ProcessHandle.of(controllerPid).filter(ProcessHandle::isAlive);
    }

    /** Whether the controller is known to have exited: its pid is recorded, the ip is local, and no such process runs. */
    boolean controllerGone() {
        return controllerPid > 0 && isLocal() && controllerProcess().isEmpty();
    }

    boolean isLocal() {
        return ip.equals("127.0.0.1") || ip.equals("localhost") || ip.equals("::1") || ListenAddress.everyInterface(ip);
    }

    private static String restart(String profile) {
        return ": restart the cluster with `jpcluster stop" + ProfileHints.option(profile) + "` and `jpcluster start -n 4"
                + ProfileHints.option(profile) + "`";
    }

    private static int port(JsonObject json, String name, Path file, String profile) {
        JsonElement e = json.get(name);
        if (e == null || e.isJsonNull()) {
            throw new ClusterException("connection file " + file + " lacks " + name + restart(profile));
        }
        return e.getAsInt();
    }
}

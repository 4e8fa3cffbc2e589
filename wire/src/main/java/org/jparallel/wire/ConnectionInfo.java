package org.jparallel.wire;

import static org.jparallel.wire.JsonFields.string;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A Jupyter kernel connection file: where the five sockets live and how messages are signed.
 *
 * <pre>{@code
 * ConnectionInfo info = ConnectionInfo.read(Path.of(args[0]));
 * String shell = info.address(info.shellPort());   // tcp://127.0.0.1:53794
 * }</pre>
 *
 * @param transport       {@code tcp} or {@code ipc}
 * @param ip              the address to bind (tcp) or the socket path prefix (ipc)
 * @param key             the HMAC key; empty disables signing
 * @param signatureScheme e.g. {@code hmac-sha256}
 * @param kernelName      the kernelspec name, may be empty
 */
public record ConnectionInfo(String transport, String ip, int shellPort, int iopubPort, int stdinPort,
                             int controlPort, int hbPort, String key, String signatureScheme, String kernelName) {

    /**
     * Reads a connection file.
     *
     * @throws ConnectionFileException with a one-line reason when the file is missing or not a valid
     *                                 connection file
     */
    public static ConnectionInfo read(Path file) throws ConnectionFileException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConnectionFileException("connection file " + file + " does not exist");
        } catch (IOException e) {
            throw new ConnectionFileException("cannot read connection file " + file + ": " + e.getMessage());
        }
        try {
            JsonElement parsed = JsonParser.parseString(text);
            if (!parsed.isJsonObject()) {
                throw new ConnectionFileException("connection file " + file + " is not a JSON object");
            }
            JsonObject json = parsed.getAsJsonObject();
            String transport = string(json, "transport", "tcp");
            if (!transport.equals("tcp") && !transport.equals("ipc")) {
                throw new ConnectionFileException("connection file " + file + ": unknown transport '" + transport
                        + "' (expected tcp or ipc)");
            }
            return new ConnectionInfo(transport, string(json, "ip", "127.0.0.1"),
                    port(json, "shell_port", file), port(json, "iopub_port", file), port(json, "stdin_port", file),
                    port(json, "control_port", file), port(json, "hb_port", file),
                    string(json, "key", ""), string(json, "signature_scheme", "hmac-sha256"),
                    string(json, "kernel_name", ""));
        } catch (JsonParseException | IllegalStateException | NumberFormatException e) {
            throw new ConnectionFileException("connection file " + file + " is not valid JSON: " + e.getMessage());
        }
    }

    /** Writes this connection file readable by its owner only (mode 0600). */
    public void write(Path file) throws IOException {
        PrivateFile.write(file, toJson().toString());
    }

    /** The ZeroMQ endpoint of a port: {@code tcp://ip:port} or Jupyter's {@code ipc://ip-port}. */
    public String address(int port) {
        return transport.equals("ipc") ? "ipc://" + ip + "-" + port : "tcp://" + ip + ":" + port;
    }

    public JsonObject toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("transport", transport);
        json.addProperty("ip", ip);
        json.addProperty("shell_port", shellPort);
        json.addProperty("iopub_port", iopubPort);
        json.addProperty("stdin_port", stdinPort);
        json.addProperty("control_port", controlPort);
        json.addProperty("hb_port", hbPort);
        json.addProperty("key", key);
        json.addProperty("signature_scheme", signatureScheme);
        json.addProperty("kernel_name", kernelName);
        return json;
    }

    private static int port(JsonObject json, String name, Path file) throws ConnectionFileException {
        JsonElement e = json.get(name);
        if (e == null || e.isJsonNull()) {
            throw new ConnectionFileException("connection file " + file + " lacks " + name);
        }
        int port = e.getAsInt();
        if (port < 0 || port > 65535) {
            throw new ConnectionFileException("connection file " + file + ": " + name + " " + port + " is not a port");
        }
        return port;
    }
}

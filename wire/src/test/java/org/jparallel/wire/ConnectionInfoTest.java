package org.jparallel.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionInfoTest {
    @TempDir
    Path dir;

    private static ConnectionInfo sample() {
        return new ConnectionInfo("tcp", "127.0.0.1", 1001, 1002, 1003, 1004, 1005, "k", "hmac-sha256", "jparallel");
    }

    @Test
    void writtenFileReadsBackTheSame() throws Exception {
        Path file = dir.resolve("kernel.json");
        sample().write(file);
        assertEquals(sample(), ConnectionInfo.read(file));
    }

    @Test
    void writtenFileIsReadableByItsOwnerOnly() throws Exception {
        Path file = dir.resolve("kernel.json");
        sample().write(file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void addressesFollowTheTransport() {
        assertEquals("tcp://127.0.0.1:1001", sample().address(1001));
        ConnectionInfo ipc = new ConnectionInfo("ipc", "/tmp/k", 1, 2, 3, 4, 5, "", "hmac-sha256", "");
        assertEquals("ipc:///tmp/k-1", ipc.address(1));
    }

    @Test
    void missingFileSaysSo() {
        var e = assertThrows(ConnectionFileException.class, () -> ConnectionInfo.read(dir.resolve("nope.json")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void brokenJsonSaysSo() throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\"shell_port\": ");
        var e = assertThrows(ConnectionFileException.class, () -> ConnectionInfo.read(file));
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
    }

    @Test
    void missingPortIsNamed() throws Exception {
        Path file = dir.resolve("partial.json");
        Files.writeString(file, "{\"ip\": \"127.0.0.1\", \"shell_port\": 1}");
        var e = assertThrows(ConnectionFileException.class, () -> ConnectionInfo.read(file));
        assertTrue(e.getMessage().contains("iopub_port"), e.getMessage());
    }
}

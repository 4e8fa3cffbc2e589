package org.jparallel.wire.bulk;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Where a value offered on the bulk channel can be fetched: the sender's listener and the offer's token.
 * It travels as a small frame of the ZeroMQ message that needs the value; the token alone gives nothing,
 * since fetching it takes a proof made with the cluster key (see {@link BulkListener}).
 *
 * <pre>{@code
 * BulkRef ref = lease.offer(payload);
 * byte[] frame = ref.toFrame();            // into the message
 * BulkRef back = BulkRef.fromFrame(frame); // on the other side
 * }</pre>
 *
 * @param host       the listener's address, as the receiver connects to it
 * @param port       the listener's port
 * @param socketFile the listener's Unix domain socket, which a receiver on the same host tries first, or empty
 * @param token      the offer's random id ({@value #TOKEN_BYTES} bytes)
 * @param bytes      the value's length in bytes
 */
public record BulkRef(String host, int port, String socketFile, byte[] token, long bytes) {
    public static final int TOKEN_BYTES = 16;
    private static final byte[] MAGIC = "JPBR".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 2;

    public BulkRef {
        token = token.clone();
        if (token.length != TOKEN_BYTES) {
            throw new IllegalArgumentException("a bulk token has " + TOKEN_BYTES + " bytes, not " + token.length);
        }
    }

    @Override
    public byte[] token() {
        return token.clone();
    }

    /** The frame that carries this reference in a message. */
    public byte[] toFrame() {
        ByteArrayOutputStream bytesOut = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytesOut)) {
            out.write(MAGIC);
            out.writeByte(VERSION);
            out.writeUTF(host);
            out.writeShort(port);
            out.writeUTF(socketFile);
            out.write(token);
            out.writeLong(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytesOut.toByteArray();
    }

    /**
     * The reference in a frame written by {@link #toFrame()}.
     *
     * @throws IllegalArgumentException when the frame is not one
     */
    public static BulkRef fromFrame(byte[] frame) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(frame))) {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC) || in.readUnsignedByte() != VERSION) {
                throw new IllegalArgumentException("not a bulk reference frame");
            }
            String host = in.readUTF();
            int port = in.readUnsignedShort();
            String socketFile = in.readUTF();
            byte[] token = in.readNBytes(TOKEN_BYTES);
            long bytes = in.readLong();
            if (bytes < 0) {
                throw new IllegalArgumentException("a bulk reference of " + bytes + " bytes");
            }
            return new BulkRef(host, port, socketFile, token, bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("a bulk reference frame is cut: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BulkRef ref && ref.host.equals(host) && ref.port == port
                && ref.socketFile.equals(socketFile) && Arrays.equals(ref.token, token) && ref.bytes == bytes;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * host.hashCode() + port) + Arrays.hashCode(token);
    }

    @Override
    public String toString() {
        return "BulkRef[" + host + ":" + port + ", " + bytes + " bytes]"; // never the token
    }
}

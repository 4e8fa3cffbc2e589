package org.jparallel.client.values;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.jparallel.wire.HmacSigner;
import org.jparallel.wire.bulk.BulkFetcher;
import org.jparallel.wire.bulk.BulkLease;
import org.jparallel.wire.bulk.BulkListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Big primitive arrays leave the frames for the bulk channel, over a real socket, and come back equal. */
class BulkValuesTest {
    private final HmacSigner signer = HmacSigner.create("hmac-sha256", "key");
    private final BulkListener listener = BulkListener.open("127.0.0.1", signer, Level.FINE);
    private final ValueEncoder encoder = new ValueEncoder(ClassBytes.none());
    private final ValueDecoder decoder = new ValueDecoder(getClass().getClassLoader(),
            new BulkFetcher(signer, null, Level.FINE));

    @AfterEach
    void close() {
        listener.close();
    }

    static Stream<Object> bigArrays() {
        int n = 600_000; // over 1 MiB for every element size but byte and boolean
        Random random = new Random(7);
        double[] doubles = random.doubles(n).toArray();
        long[] longs = random.longs(n).toArray();
        int[] ints = random.ints(n).toArray();
        float[] floats = new float[n];
        short[] shorts = new short[n];
        byte[] bytes = new byte[2 * n];
        char[] chars = new char[n];
        boolean[] booleans = new boolean[2 * n];
        random.nextBytes(bytes);
        for (int i = 0; i < n; i++) {
            floats[i] = random.nextFloat();
            shorts[i] = (short) random.nextInt();
            chars[i] = (char) random.nextInt();
            booleans[2 * i + 1] = random.nextBoolean();
        }
        return Stream.of(doubles, longs, ints, floats, shorts, bytes, chars, booleans);
    }

    @ParameterizedTest
    @MethodSource("bigArrays")
    void aBigArrayTravelsOnTheBulkChannelAndArrivesEqual(Object array) {
        BulkLease lease = listener.lease(0, null);
        List<byte[]> frames = encoder.encode(array, lease);
        assertFalse(lease.isEmpty());
        assertTrue(frames.stream().mapToLong(f -> f.length).sum() < 1000, "the array stayed out of the frames");
        Object back = decoder.decode(frames);
        assertEquals(array.getClass(), back.getClass());
        assertTrue(Arrays.deepEquals(new Object[] {array}, new Object[] {back}));
    }

    @Test
    void aSmallArrayStaysInTheFrames() {
        BulkLease lease = listener.lease(0, null);
        double[] small = new Random(1).doubles(1000).toArray();
        List<byte[]> frames = encoder.encodeNamed(Map.of("a", small), lease);
        assertTrue(lease.isEmpty());
        assertArrayEquals(small, (double[]) new ValueDecoder(getClass().getClassLoader()).decodeNamed(frames).get("a"));
    }

    @Test
    void aCallWithABigArgumentAndAPushOfSeveralArraysDecode() {
        double[] big = new Random(2).doubles(200_000).toArray();
        long[] other = new Random(3).longs(300_000).toArray();
        List<byte[]> frames = encoder.encodeNamed(Map.of("big", big, "other", other), listener.lease(0, null));
        Map<String, Object> back = decoder.decodeNamed(frames);
        assertArrayEquals(big, (double[]) back.get("big"));
        assertArrayEquals(other, (long[]) back.get("other"));
        DecodedCall call = decoder.decodeCall(encoder.encodeCall(listener.lease(0, null), "f", big, 3));
        assertArrayEquals(big, (double[]) call.args().get(0));
        assertEquals(3, call.args().get(1));
    }

    @Test
    void aDecoderWithoutTheBulkChannelSaysWhatItLacks() {
        List<byte[]> frames = encoder.encode(new double[200_000], listener.lease(0, null));
        UndecodableValueException e = assertThrows(UndecodableValueException.class,
                () -> new ValueDecoder(getClass().getClassLoader()).decode(frames));
        assertTrue(e.getMessage().contains("bulk channel"), e.getMessage());
    }
}

package org.jparallel.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HmacSignerTest {
    private static final List<byte[]> PARTS = List.of(bytes("{\"a\":1}"), bytes("{}"));

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Expected values computed with Python's hmac and hashlib, as jupyter_client signs. */
    @ParameterizedTest
    @CsvSource({
        "hmac-sha256, d82bb343baedba5b07792140022258f9ffcbb216db25aa2e2fc5e863a7aa2777",
        "hmac-sha512, 98ffbf6cb3059ca263ca347438e22eb271a12eba508788e93a80c30569008f1810ec6de752b9eebb4642ace765558f2fd9d56799291813f4145e2d1164fc9b36",
        "hmac-sha3_256, ef88aebc7459891302e691f5ea6bb1819da00fcecae4277c2f203da318f8ff61",
        "hmac-blake2b, 0eb485a13759bf4aeb8853b13a5862c508fe8db91749e2a10d84de4eee400fffdeeac2960a4184befd9d8560f546be2eb94b78dd17d2ce117e6d0d7681c4ccf0",
        "hmac-blake2s, 30e92c6bef9c261baf019583345aa4e19b5bc5e6f67f7e547b380b06ad2e5dd3",
        "hmac-md5, 258fbc124d43dc7ad26ac75ffa52a1e5",
        "hmac-sha1, 79a8158c4df5ed6d32f50f96ed1779f0e1028866",
        "hmac-sha512_256, 4306d46155dfa1bfffb96a4060dce797950f548ff996064e8d408c20bd6f04c2",
    })
    void signsLikePythonsHmac(String scheme, String expected) {
        HmacSigner signer = HmacSigner.create(scheme, "secret-key");
        assertEquals(expected, new String(signer.sign(PARTS), StandardCharsets.US_ASCII));
    }

    @Test
    void verifiesItsOwnSignature() {
        HmacSigner signer = HmacSigner.create("hmac-sha256", "k");
        assertTrue(signer.verify(signer.sign(PARTS), PARTS));
    }

    @Test
    void rejectsASignatureMadeWithAnotherKey() {
        byte[] forged = HmacSigner.create("hmac-sha256", "other").sign(PARTS);
        assertFalse(HmacSigner.create("hmac-sha256", "k").verify(forged, PARTS));
    }

    @Test
    void rejectsASignatureWrittenInCapitalsAsJupyterClientDoes() {
        HmacSigner signer = HmacSigner.create("hmac-sha256", "k");
        String upper = new String(signer.sign(PARTS), StandardCharsets.US_ASCII).toUpperCase(Locale.ROOT);
        assertFalse(signer.verify(upper.getBytes(StandardCharsets.US_ASCII), PARTS));
    }

    @Test
    void rejectsASignatureOneDigitOffCutShortOrNotHex() {
        HmacSigner signer = HmacSigner.create("hmac-sha256", "k");
        byte[] good = signer.sign(PARTS);
        for (int i = 0; i < good.length; i++) {
            byte[] off = good.clone();
            off[i] = (byte) (off[i] == '0' ? '1' : '0');
            assertFalse(signer.verify(off, PARTS), "digit " + i + " changed");
        }
        assertFalse(signer.verify(Arrays.copyOf(good, good.length - 1), PARTS));
        byte[] notHex = good.clone();
        notHex[5] = 'g';
        assertFalse(signer.verify(notHex, PARTS));
    }

    @Test
    void rejectsAnEmptySignatureWhenAKeyIsSet() {
        assertFalse(HmacSigner.create("hmac-sha256", "k").verify(new byte[0], PARTS));
    }

    @Test
    void emptyKeyMeansUnsignedMessages() {
        HmacSigner signer = HmacSigner.create("hmac-sha256", "");
        assertArrayEquals(new byte[0], signer.sign(PARTS));
        assertTrue(signer.verify(new byte[0], PARTS));
    }

    @Test
    void unknownSchemeNamesTheSupportedOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> HmacSigner.create("hmac-whirlpool9", "k"));
        assertTrue(e.getMessage().contains("sha256"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"hmac-sha256", "hmac-blake2b"})
    void oneSignerSignsRightFromManyThreadsAtOnce(String scheme) throws Exception {
        HmacSigner signer = HmacSigner.create(scheme, "k");
        byte[] expected = HmacSigner.create(scheme, "k").sign(PARTS);
        List<Callable<Boolean>> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            threads.add(() -> {
                for (int i = 0; i < 2000; i++) {
                    if (!Arrays.equals(expected, signer.sign(PARTS))) {
                        return false;
                    }
                }
                return true;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (Future<Boolean> result : pool.invokeAll(threads)) {
                assertTrue(result.get());
            }
        } finally {
            pool.shutdown();
        }
    }
}
